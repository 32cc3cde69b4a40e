package io.bootrig.rig.sim;

/** A virtual board process could not be started, found or talked to (an infrastructure failure). */
public final class VirtualBoardUnavailableException extends Exception {
    public VirtualBoardUnavailableException(String message) {
        super(message);
    }

    public VirtualBoardUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
