package io.bootrig.rig.cli;

/** The exit codes every rig command keeps (design.md). */
public final class ExitCode {
    /** Success, or the checked item was accepted. */
    public static final int OK = 0;
    /** A check failed or the item was rejected (a product failure). */
    public static final int REJECTED = 1;
    /** Bad usage or bad input. */
    public static final int BAD_INPUT = 2;
    /** Infrastructure failure: board, OpenOCD, port, build. */
    public static final int INFRASTRUCTURE = 3;

    private ExitCode() {}
}
