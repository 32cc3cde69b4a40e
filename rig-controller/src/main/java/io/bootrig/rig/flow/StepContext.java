package io.bootrig.rig.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a running step reports through: notes, warnings, writes, progress and named results. */
public final class StepContext {
    private final int index;
    private final Step step;
    private final FlowListener listener;
    private final boolean dryRun;
    private final Map<String, Object> results;
    private final List<String> writes = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private String summary = "";
    private String skipped;

    StepContext(int index, Step step, FlowListener listener, boolean dryRun, Map<String, Object> results) {
        this.index = index;
        this.step = step;
        this.listener = listener;
        this.dryRun = dryRun;
        this.results = results;
    }

    /** True in a dry run: announce writes with {@link #write} and do not do them. */
    public boolean dryRun() {
        return dryRun;
    }

    public void note(String text) {
        notes.add(text);
        listener.note(index, step, text);
    }

    public void warning(String text) {
        notes.add("warning: " + text);
        listener.warning(index, step, text);
    }

    /** Announces a write just before it is done; returns true if it should be done now (false in a dry run). */
    public boolean write(String text) {
        writes.add(text);
        listener.write(index, step, text);
        return !dryRun;
    }

    public void progress(long done, long total, String unit) {
        listener.progress(index, step, done, total, unit);
    }

    /** A one-line outcome for the step's row in the summary. */
    public void summary(String text) {
        summary = text;
    }

    /** Ends the step as not needed; the flow goes on. */
    public void skip(String why) {
        skipped = why;
        summary = why;
    }

    /** A value later steps and the run record can use (kept in insertion order). */
    public void result(String key, Object value) {
        results.put(key, value);
    }

    @SuppressWarnings("unchecked")
    public <T> T get(String key, Class<T> type) {
        Object v = results.get(key);
        if (v == null) {
            throw new IllegalStateException("step '" + step.name() + "' needs '" + key + "', which no earlier step produced");
        }
        return (T) type.cast(v);
    }

    String summaryText() {
        return summary;
    }

    boolean wasSkipped() {
        return skipped != null;
    }

    List<String> writes() {
        return writes;
    }

    List<String> notes() {
        return notes;
    }
}
