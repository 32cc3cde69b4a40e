package io.bootrig.rig.openocd;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Every line OpenOCD printed, with the time it arrived; kept whole for reports. */
public final class OpenOcdLog {
    /** One line of output. */
    public record Line(Instant time, String text) {}

    private final List<Line> lines = new ArrayList<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    void append(String text) {
        synchronized (lines) {
            lines.add(new Line(Instant.now(), text));
            lines.notifyAll();
        }
        listeners.forEach(l -> l.accept(text));
    }

    public void addListener(Consumer<String> listener) {
        listeners.add(listener);
    }

    /** A position to read new lines from. */
    public int mark() {
        synchronized (lines) {
            return lines.size();
        }
    }

    public List<Line> since(int mark) {
        synchronized (lines) {
            return List.copyOf(lines.subList(Math.min(mark, lines.size()), lines.size()));
        }
    }

    public List<Line> lines() {
        return since(0);
    }

    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Line l : lines()) {
            sb.append(l.time()).append(' ').append(l.text()).append('\n');
        }
        return sb.toString();
    }

    /** The last {@code n} lines as plain text, for error messages. */
    public String tail(int n) {
        List<Line> all = lines();
        StringBuilder sb = new StringBuilder();
        for (Line l : all.subList(Math.max(0, all.size() - n), all.size())) {
            sb.append("  | ").append(l.text()).append('\n');
        }
        return sb.toString();
    }

    /** Waits until a line containing {@code needle} has arrived after {@code mark}, or the time is up. */
    boolean awaitLine(int mark, String needle, long deadlineNanos) throws InterruptedException {
        synchronized (lines) {
            while (true) {
                for (int i = mark; i < lines.size(); i++) {
                    if (lines.get(i).text().contains(needle)) {
                        return true;
                    }
                }
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lines.wait(Math.max(1, left / 1_000_000));
            }
        }
    }
}
