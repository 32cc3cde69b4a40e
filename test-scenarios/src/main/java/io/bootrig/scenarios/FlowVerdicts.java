package io.bootrig.scenarios;

import io.bootrig.rig.flow.FailureKind;
import io.bootrig.rig.flow.FlowReport;
import io.bootrig.rig.flow.StepResult;

/** Turns a failed flow into the failure JUnit and Allure should show: product = assertion, the rest = errors. */
public final class FlowVerdicts {
    private FlowVerdicts() {}

    /** Returns quietly when every step passed. */
    public static void assertPassed(FlowReport report) {
        if (report.passed()) {
            return;
        }
        StepResult failed = report.failedStep().orElseThrow();
        String message = report.flow() + " on " + report.board() + ", step '" + failed.name() + "': " + failed.summary();
        FailureKind kind = failed.failure().orElse(FailureKind.INFRASTRUCTURE);
        switch (kind) {
            case PRODUCT -> throw new AssertionError("[product] " + message);
            case INFRASTRUCTURE -> throw new InfrastructureFailure(message);
            case REFUSED, INPUT -> throw new SetupFailure(message);
        }
    }
}
