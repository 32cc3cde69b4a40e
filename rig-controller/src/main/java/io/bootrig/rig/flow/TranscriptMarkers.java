package io.bootrig.rig.flow;

import io.bootrig.rig.console.Transcript;
import java.util.List;
import java.util.Locale;

/** Puts the flow's steps into the console transcript, so the board's bytes can be read step by step. */
public final class TranscriptMarkers implements FlowListener {
    private final Transcript transcript;
    private int total;

    public TranscriptMarkers(Transcript transcript) {
        this.transcript = transcript;
    }

    @Override
    public void flowStarted(String flow, String board, List<Step> steps, boolean dryRun) {
        total = steps.size();
        transcript.marker("flow " + flow + " on " + board + (dryRun ? " (dry run)" : ""));
    }

    @Override
    public void stepStarted(int index, Step step) {
        transcript.marker("step " + index + "/" + total + ": " + step.name() + " - " + step.title());
    }

    @Override
    public void write(int index, Step step, String text) {
        transcript.marker("write: " + text);
    }

    @Override
    public void stepFinished(StepResult r) {
        if (r.status() != StepStatus.NOT_RUN) {
            transcript.marker("step " + r.index() + " " + r.name() + ": " + r.status().name().toLowerCase(Locale.ROOT)
                    + (r.summary().isEmpty() ? "" : " - " + r.summary()));
        }
    }
}
