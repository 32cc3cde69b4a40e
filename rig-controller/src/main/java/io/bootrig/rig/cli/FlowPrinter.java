package io.bootrig.rig.cli;

import io.bootrig.rig.flow.FlowListener;
import io.bootrig.rig.flow.FlowReport;
import io.bootrig.rig.flow.Step;
import io.bootrig.rig.flow.StepResult;
import io.bootrig.rig.flow.StepStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * Shows a flow as it runs: one line per step start and end, the writes, warnings and what the board said, and, on a
 * terminal, a live progress bar for long steps (flash programming, XMODEM). Without a terminal (CI) progress is
 * printed at every quarter, so logs stay short.
 */
final class FlowPrinter implements FlowListener {
    private final PrintWriter out;
    private final boolean live;
    private int total;
    private ProgressBar bar;
    private int lastQuarter;

    FlowPrinter(PrintWriter out, boolean live) {
        this.out = out;
        this.live = live;
    }

    @Override
    public void flowStarted(String flow, String board, List<Step> steps, boolean dryRun) {
        total = steps.size();
        out.printf("%s on %s%s: %d steps%n", flow, board, dryRun ? " (dry run: nothing is written)" : "", steps.size());
        out.flush();
    }

    @Override
    public void stepStarted(int index, Step step) {
        lastQuarter = 0;
        out.printf("[%d/%d] %s: %s%n", index, total, step.name(), step.title());
        out.flush();
    }

    @Override
    public void progress(int index, Step step, long done, long all, String unit) {
        if (all <= 0) {
            return;
        }
        if (live) {
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName("      " + step.name()).setInitialMax(all)
                        .setUnit("bytes".equals(unit) ? " KB" : " " + unit, "bytes".equals(unit) ? 1024 : 1)
                        .showSpeed().setUpdateIntervalMillis(100)
                        .setConsumer(new DelegatingProgressBarConsumer(line -> {
                            out.print("\r" + line);
                            out.flush();
                        }, 100)).build();
            }
            bar.stepTo(done);
            return;
        }
        int quarter = (int) (done * 4 / all);
        if (quarter > lastQuarter && quarter < 4) {
            lastQuarter = quarter;
            out.printf("      %d%% (%d of %d %s)%n", quarter * 25, done, all, unit);
            out.flush();
        }
    }

    @Override
    public void note(int index, Step step, String text) {
        endBar();
        out.println("      " + text);
        out.flush();
    }

    @Override
    public void warning(int index, Step step, String text) {
        endBar();
        out.println("      warning: " + text);
        out.flush();
    }

    @Override
    public void write(int index, Step step, String text) {
        endBar();
        out.println("      write: " + text);
        out.flush();
    }

    @Override
    public void stepFinished(StepResult r) {
        endBar();
        if (r.status() == StepStatus.NOT_RUN) {
            return;
        }
        String label = switch (r.status()) {
            case PASSED -> "ok";
            case FAILED -> "FAILED (" + r.failure().map(k -> k.name().toLowerCase(Locale.ROOT)).orElse("?") + ")";
            case SKIPPED -> "skipped";
            case PLANNED -> "planned";
            case NOT_RUN -> "not run";
        };
        out.printf("      %s %.2f s%s%n", label, r.duration().toNanos() / 1e9, r.summary().isEmpty() ? "" : ": " + r.summary());
        out.flush();
    }

    @Override
    public void flowFinished(FlowReport report) {
        out.printf("%s %s in %.1f s%n", report.flow(), report.passed() ? "passed" : "FAILED at step '"
                + report.failedStep().map(StepResult::name).orElse("?") + "'", report.duration().toNanos() / 1e9);
        out.flush();
    }

    private void endBar() {
        if (bar != null) {
            bar.close();
            bar = null;
            out.println();
        }
    }
}
