package io.bootrig.scenarios;

import io.bootrig.rig.flow.FailureKind;
import io.bootrig.rig.flow.FlowListener;
import io.bootrig.rig.flow.FlowReport;
import io.bootrig.rig.flow.Step;
import io.bootrig.rig.flow.StepResult;
import io.bootrig.rig.flow.StepStatus;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A flow as Allure steps: the flow is a step, each of its steps a nested one named as in the procedure, with the
 * writes and what the board said attached as text. Steps outside a running test are not recorded.
 */
public final class AllureFlowSteps implements FlowListener {
    private final AllureLifecycle lifecycle = Allure.getLifecycle();
    private String flowUuid;
    private String stepUuid;
    private int total;

    @Override
    public void flowStarted(String flow, String board, List<Step> steps, boolean dryRun) {
        if (lifecycle.getCurrentTestCase().isEmpty()) {
            return;
        }
        total = steps.size();
        flowUuid = UUID.randomUUID().toString();
        lifecycle.startStep(flowUuid, new io.qameta.allure.model.StepResult()
                .setName(flow + " on " + board + (dryRun ? " (dry run)" : "")));
    }

    @Override
    public void stepStarted(int index, Step step) {
        if (flowUuid == null) {
            return;
        }
        stepUuid = UUID.randomUUID().toString();
        lifecycle.startStep(flowUuid, stepUuid, new io.qameta.allure.model.StepResult()
                .setName(index + "/" + total + " " + step.name() + ": " + step.title()));
    }

    @Override
    public void stepFinished(StepResult r) {
        if (flowUuid == null || r.status() == StepStatus.NOT_RUN) {
            return;
        }
        if (!r.writes().isEmpty() || !r.notes().isEmpty()) {
            StringBuilder text = new StringBuilder();
            r.writes().forEach(w -> text.append("write: ").append(w).append('\n'));
            r.notes().forEach(n -> text.append(n).append('\n'));
            lifecycle.addAttachment(r.name() + " details", "text/plain", "txt",
                    text.toString().getBytes(StandardCharsets.UTF_8));
        }
        lifecycle.updateStep(stepUuid, s -> {
            s.setStatus(status(r));
            s.getParameters().add(new Parameter().setName("seconds")
                    .setValue(String.format(Locale.ROOT, "%.2f", r.duration().toNanos() / 1e9)));
            if (!r.summary().isEmpty()) {
                s.setStatusDetails(new StatusDetails().setMessage(r.summary()));
            }
        });
        lifecycle.stopStep(stepUuid);
        stepUuid = null;
    }

    @Override
    public void flowFinished(FlowReport report) {
        if (flowUuid == null) {
            return;
        }
        lifecycle.updateStep(flowUuid, s -> s.setStatus(report.passed() ? Status.PASSED
                : report.failure().orElse(FailureKind.INFRASTRUCTURE) == FailureKind.PRODUCT ? Status.FAILED : Status.BROKEN));
        lifecycle.stopStep(flowUuid);
        flowUuid = null;
    }

    private static Status status(StepResult r) {
        return switch (r.status()) {
            case PASSED, PLANNED -> Status.PASSED;
            case SKIPPED, NOT_RUN -> Status.SKIPPED;
            case FAILED -> r.failure().orElse(FailureKind.INFRASTRUCTURE) == FailureKind.PRODUCT ? Status.FAILED
                    : Status.BROKEN;
        };
    }
}
