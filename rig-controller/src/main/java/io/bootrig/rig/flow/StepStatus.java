package io.bootrig.rig.flow;

public enum StepStatus {
    PASSED,
    FAILED,
    /** Not needed this time (e.g. the OTP already holds the expected keystore); the step says why. */
    SKIPPED,
    /** Dry run: the step's writes were listed, not done. */
    PLANNED,
    /** An earlier step failed. */
    NOT_RUN
}
