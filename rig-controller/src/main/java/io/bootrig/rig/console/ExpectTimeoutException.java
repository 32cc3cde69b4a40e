package io.bootrig.rig.console;

import java.util.concurrent.TimeoutException;

/** The console did not show what was expected in time (the board misbehaved, or is not the one we think). */
public final class ExpectTimeoutException extends TimeoutException {
    private final String recent;

    public ExpectTimeoutException(String message, String recent) {
        super(message);
        this.recent = recent;
    }

    /** The last characters received before the timeout, escaped. */
    public String recent() {
        return recent;
    }
}
