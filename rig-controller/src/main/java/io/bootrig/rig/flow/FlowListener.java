package io.bootrig.rig.flow;

import java.util.List;

/** Receives a flow's events as they happen: for the CLI's progress display, Allure steps and the transcript. */
public interface FlowListener {
    FlowListener NONE = new FlowListener() {};

    default void flowStarted(String flow, String board, List<Step> steps, boolean dryRun) {}

    default void stepStarted(int index, Step step) {}

    /** Progress of a long step, e.g. bytes programmed or sent. */
    default void progress(int index, Step step, long done, long total, String unit) {}

    /** Something the step saw (a console message, a value read back). */
    default void note(int index, Step step, String text) {}

    /** Something the operator should know that does not fail the step. */
    default void warning(int index, Step step, String text) {}

    /** A write to the board, announced just before it is done (or instead of it, in a dry run). */
    default void write(int index, Step step, String text) {}

    default void stepFinished(StepResult result) {}

    default void flowFinished(FlowReport report) {}

    /** All of {@code listeners}, in order. */
    static FlowListener all(List<FlowListener> listeners) {
        List<FlowListener> copy = List.copyOf(listeners);
        return new FlowListener() {
            @Override
            public void flowStarted(String flow, String board, List<Step> steps, boolean dryRun) {
                copy.forEach(l -> l.flowStarted(flow, board, steps, dryRun));
            }

            @Override
            public void stepStarted(int index, Step step) {
                copy.forEach(l -> l.stepStarted(index, step));
            }

            @Override
            public void progress(int index, Step step, long done, long total, String unit) {
                copy.forEach(l -> l.progress(index, step, done, total, unit));
            }

            @Override
            public void note(int index, Step step, String text) {
                copy.forEach(l -> l.note(index, step, text));
            }

            @Override
            public void warning(int index, Step step, String text) {
                copy.forEach(l -> l.warning(index, step, text));
            }

            @Override
            public void write(int index, Step step, String text) {
                copy.forEach(l -> l.write(index, step, text));
            }

            @Override
            public void stepFinished(StepResult result) {
                copy.forEach(l -> l.stepFinished(result));
            }

            @Override
            public void flowFinished(FlowReport report) {
                copy.forEach(l -> l.flowFinished(report));
            }
        };
    }
}
