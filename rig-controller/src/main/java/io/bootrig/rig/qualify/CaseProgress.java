package io.bootrig.rig.qualify;

import io.bootrig.rig.flow.FlowListener;
import io.bootrig.rig.flow.Step;
import io.bootrig.rig.flow.StepContext;
import io.bootrig.rig.flow.StepResult;
import io.bootrig.rig.flow.StepStatus;
import java.util.Locale;

/**
 * Shows a case's inner update flow through the case's own step: its writes, warnings and progress, and one line per
 * finished update step. What the board printed stays in the update flow's report.
 */
final class CaseProgress implements FlowListener {
    private final StepContext outer;

    CaseProgress(StepContext outer) {
        this.outer = outer;
    }

    @Override
    public void progress(int index, Step step, long done, long total, String unit) {
        outer.progress(done, total, unit);
    }

    @Override
    public void warning(int index, Step step, String text) {
        outer.warning(text);
    }

    @Override
    public void write(int index, Step step, String text) {
        outer.write(text);
    }

    @Override
    public void stepFinished(StepResult r) {
        if (r.status() != StepStatus.NOT_RUN) {
            outer.note("update " + r.name() + ": " + r.status().name().toLowerCase(Locale.ROOT)
                    + (r.summary().isEmpty() ? "" : " - " + r.summary()));
        }
    }
}
