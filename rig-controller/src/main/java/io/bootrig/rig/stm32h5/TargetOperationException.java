package io.bootrig.rig.stm32h5;

/**
 * An operation on the STM32H5 ran and failed on the target: the flash controller reported an error
 * (named, e.g. PGSERR), a read-back did not match, OTP already holds other data. Not an OpenOCD failure.
 */
public final class TargetOperationException extends Exception {
    private final String operation;

    public TargetOperationException(String operation, String message) {
        super(operation + ": " + message);
        this.operation = operation;
    }

    public String operation() {
        return operation;
    }
}
