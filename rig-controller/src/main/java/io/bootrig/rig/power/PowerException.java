package io.bootrig.rig.power;

/** A board's power could not be switched: an infrastructure failure. */
public final class PowerException extends RuntimeException {
    public PowerException(String message) {
        super(message);
    }

    public PowerException(String message, Throwable cause) {
        super(message, cause);
    }
}
