package io.bootrig.rig.cli;

import io.bootrig.rig.flow.FailureKind;
import io.bootrig.rig.flow.FlowListener;
import io.bootrig.rig.flow.FlowReport;
import io.bootrig.rig.flow.FlowRunner;
import io.bootrig.rig.flow.Step;
import io.bootrig.rig.flow.TranscriptMarkers;
import io.bootrig.wolfboot.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs a flow for a command: progress on the terminal, markers in the transcript, a JSON run record, an exit code. */
final class FlowCommands {
    private FlowCommands() {}

    static FlowReport run(BoardAccess access, String flow, List<Step> steps, boolean dryRun, Map<String, Object> initial,
            PrintWriter progressOut, boolean live, List<FlowListener> more) {
        List<FlowListener> listeners = new ArrayList<>();
        listeners.add(new FlowPrinter(progressOut, live));
        listeners.add(new TranscriptMarkers(access.session().transcript()));
        listeners.addAll(more);
        FlowReport report = new FlowRunner().run(flow, access.board().name(), steps, dryRun, FlowListener.all(listeners),
                initial);
        try {
            AtomicFiles.write(access.run().record(), Json.write(RunRecord.of(report)).getBytes(StandardCharsets.UTF_8), false);
        } catch (IOException e) {
            progressOut.println("rig: could not write the run record " + access.run().record() + ": " + e.getMessage());
        }
        return report;
    }

    /** design.md's exit codes: product and refusals 1, bad inputs 2, infrastructure 3. */
    static int exitCode(FlowReport report) {
        if (report.passed()) {
            return ExitCode.OK;
        }
        FailureKind kind = report.failure().orElse(FailureKind.INFRASTRUCTURE);
        return switch (kind) {
            case PRODUCT, REFUSED -> ExitCode.REJECTED;
            case INPUT -> ExitCode.BAD_INPUT;
            case INFRASTRUCTURE -> ExitCode.INFRASTRUCTURE;
        };
    }

    /**
     * Ends a flow command: the run record as JSON on standard output when {@code json}, the footer on {@code progress}
     * (standard error with --json), and the exit code.
     */
    static int finish(picocli.CommandLine.Model.CommandSpec spec, boolean json, PrintWriter progress, BoardAccess access,
            FlowReport report) {
        if (json) {
            spec.commandLine().getOut().println(Json.write(RunRecord.of(report)));
        }
        footer(progress, access, report);
        return exitCode(report);
    }

    /** The last lines: where the run's files are, and the failure in one line. */
    static void footer(PrintWriter out, BoardAccess access, FlowReport report) {
        out.println("run files: " + access.run().dir() + " (transcript.txt, transcript.jsonl, openocd.log, record.json)");
        report.failedStep().ifPresent(s -> out.println("rig: " + report.flow() + " failed at '" + s.name() + "' ("
                + s.failure().map(k -> k.name().toLowerCase(java.util.Locale.ROOT)).orElse("?") + "): " + s.summary()));
        out.flush();
    }
}
