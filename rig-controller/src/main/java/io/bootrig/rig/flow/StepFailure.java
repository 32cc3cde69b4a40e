package io.bootrig.rig.flow;

/** A step's own verdict that it failed, with who has to act on it. The message says what, where and what was expected. */
public final class StepFailure extends Exception {
    private final FailureKind kind;

    public StepFailure(FailureKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public StepFailure(FailureKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public static StepFailure product(String message) {
        return new StepFailure(FailureKind.PRODUCT, message);
    }

    public static StepFailure infrastructure(String message) {
        return new StepFailure(FailureKind.INFRASTRUCTURE, message);
    }

    public static StepFailure refused(String message) {
        return new StepFailure(FailureKind.REFUSED, message);
    }

    public FailureKind kind() {
        return kind;
    }
}
