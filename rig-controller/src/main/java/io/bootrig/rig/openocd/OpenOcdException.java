package io.bootrig.rig.openocd;

/**
 * OpenOCD itself failed: not installed, did not start, died, stopped answering, or the connection to
 * it broke. An infrastructure failure, never a verdict on the product under test.
 */
public class OpenOcdException extends Exception {
    public OpenOcdException(String message) {
        super(message);
    }

    public OpenOcdException(String message, Throwable cause) {
        super(message, cause);
    }
}
