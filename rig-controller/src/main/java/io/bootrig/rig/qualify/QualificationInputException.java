package io.bootrig.rig.qualify;

/** The qualification's inputs cannot be used as given; the message names the file, what is wrong and what was expected. */
public final class QualificationInputException extends Exception {
    public QualificationInputException(String message) {
        super(message);
    }

    public QualificationInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
