package io.bootrig.rig.flow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a flow's steps in order and stops at the first failure. In a dry run the reading steps run for real and the
 * writing steps only announce what they would write.
 */
public final class FlowRunner {
    private static final Logger LOG = LoggerFactory.getLogger(FlowRunner.class);

    private final Clock clock;

    public FlowRunner() {
        this(Clock.systemUTC());
    }

    FlowRunner(Clock clock) {
        this.clock = clock;
    }

    /** Runs {@code steps}; {@code initial} seeds the results (inputs later steps read). */
    public FlowReport run(String flow, String board, List<Step> steps, boolean dryRun, FlowListener listener,
            Map<String, Object> initial) {
        return run(flow, board, steps, dryRun, listener, initial, false);
    }

    /**
     * Runs independent cases (a test matrix): a {@link FailureKind#PRODUCT} failure is recorded and the next step
     * runs; any other failure (the rig, a refusal, bad input) stops the flow as {@link #run} does.
     */
    public FlowReport runCases(String flow, String board, List<Step> steps, FlowListener listener,
            Map<String, Object> initial) {
        return run(flow, board, steps, false, listener, initial, true);
    }

    private FlowReport run(String flow, String board, List<Step> steps, boolean dryRun, FlowListener listener,
            Map<String, Object> initial, boolean continueAfterProductFailure) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        Map<String, Object> results = new LinkedHashMap<>(initial);
        listener.flowStarted(flow, board, steps, dryRun);
        List<StepResult> done = new ArrayList<>();
        boolean stopped = false;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (stopped) {
                StepResult r = new StepResult(i + 1, step.name(), step.title(), StepStatus.NOT_RUN, Duration.ZERO,
                        "not run: an earlier step failed", Optional.empty(), List.of(), List.of());
                done.add(r);
                listener.stepFinished(r);
                continue;
            }
            listener.stepStarted(i + 1, step);
            StepContext ctx = new StepContext(i + 1, step, listener, dryRun, results);
            long s0 = System.nanoTime();
            StepStatus status;
            Optional<FailureKind> kind = Optional.empty();
            String summary;
            try {
                step.action().run(ctx);
                if (ctx.wasSkipped()) {
                    status = StepStatus.SKIPPED;
                } else {
                    status = dryRun && step.writes() ? StepStatus.PLANNED : StepStatus.PASSED;
                }
                summary = ctx.summaryText();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                status = StepStatus.FAILED;
                kind = Optional.of(FailureClassifier.classify(e));
                stopped = !continueAfterProductFailure || kind.get() != FailureKind.PRODUCT;
                summary = FailureClassifier.message(e);
                if (!(e instanceof StepFailure)) {
                    LOG.debug("step {} failed", step.name(), e);
                }
            }
            StepResult r = new StepResult(i + 1, step.name(), step.title(), status, Duration.ofNanos(System.nanoTime() - s0),
                    summary, kind, ctx.writes(), ctx.notes());
            done.add(r);
            listener.stepFinished(r);
        }
        FlowReport report = new FlowReport(flow, board, dryRun, started, Duration.ofNanos(System.nanoTime() - t0), done,
                results);
        listener.flowFinished(report);
        return report;
    }
}
