package io.bootrig.rig.cli;

/** An expected failure the CLI reports as one line and an exit code, without a stack trace. */
public final class RigException extends RuntimeException {
    private final int exitCode;

    public RigException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public static RigException badInput(String message) {
        return new RigException(ExitCode.BAD_INPUT, message);
    }

    public int exitCode() {
        return exitCode;
    }
}
