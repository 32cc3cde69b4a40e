package io.bootrig.rig.link;

import java.io.IOException;

/** A link could not be opened: the device or server is missing, busy or refuses (an infrastructure failure). */
public class LinkUnavailableException extends IOException {
    public LinkUnavailableException(String message) {
        super(message);
    }

    public LinkUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
