package io.bootrig.rig.link;

import java.io.IOException;

/** The other end of a link went away (an infrastructure failure, not a product one). */
public class LinkLostException extends IOException {
    public LinkLostException(String message) {
        super(message);
    }

    public LinkLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
