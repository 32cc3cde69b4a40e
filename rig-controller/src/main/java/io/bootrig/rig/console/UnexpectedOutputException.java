package io.bootrig.rig.console;

/** The board printed something a parser does not recognise; the message names the line and what was expected. */
public final class UnexpectedOutputException extends Exception {
    public UnexpectedOutputException(String message) {
        super(message);
    }
}
