package io.bootrig.rig.cli;

import io.bootrig.rig.RigHome;
import io.bootrig.rig.flow.FailureKind;
import io.bootrig.rig.flow.FlowReport;
import io.bootrig.rig.flow.HealthFlow;
import io.bootrig.rig.health.HealthRecord;
import io.bootrig.rig.health.HealthRecords;
import io.bootrig.rig.inventory.BoardSelection;
import io.bootrig.wolfboot.FormatException;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code rig health}: is the board fit for a job; the result is kept for {@code rig boards}. */
@Command(name = "health", mixinStandardHelpOptions = true,
        description = {"Check a board: the debug port reads an STM32H56x, the console answers (one reset if silent), "
                + "and the firmware runs with the keys its OTP holds. The result is stored and shown by 'rig boards'.",
                "Exit 0 = healthy, 1 = product failure (firmware, keys, version), 3 = infrastructure (OpenOCD, port, "
                + "power, wrong board): take the board offline."})
final class HealthCommand implements Callable<Integer> {
    @Mixin
    BoardOptions boardOptions;

    @Option(names = "--expect-version", paramLabel = "N", description = "the firmware version the board should run")
    Long expectVersion;

    @Option(names = "--json", description = "print the run record as JSON (progress goes to standard error)")
    boolean json;

    @ParentCommand
    RigCli rig;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, FormatException {
        RigHome home = RigCli.of(spec).home();
        BoardSelection selection = BoardAccess.select(home, boardOptions);
        HealthRecords records = new HealthRecords(home);
        String name = selection.board().name();
        var out = json ? spec.commandLine().getErr() : spec.commandLine().getOut();
        BoardAccess access;
        try {
            access = BoardAccess.open(home, selection, boardOptions, "health", spec.commandLine().getErr());
        } catch (RigException e) {
            if (e.exitCode() == ExitCode.INFRASTRUCTURE) {
                records.write(new HealthRecord(name, Instant.now(), "infrastructure", e.getMessage()));
            }
            throw e;
        }
        try (access) {
            HealthFlow flow = new HealthFlow(access.session(),
                    expectVersion == null ? OptionalLong.empty() : OptionalLong.of(expectVersion));
            FlowReport report = FlowCommands.run(access, HealthFlow.NAME, flow.steps(), false, Map.of(), out,
                    rig.interactive() && !json, List.of());
            String result = report.passed() ? "ok"
                    : report.failure().orElse(FailureKind.INFRASTRUCTURE) == FailureKind.PRODUCT ? "product" : "infrastructure";
            String summary = report.failedStep().map(s -> s.name() + ": " + s.summary())
                    .orElse(report.step("firmware").map(s -> s.summary()).orElse(""));
            records.write(new HealthRecord(name, Instant.now(), result, summary));
            if (!json) {
                out.println(name + ": " + result.toUpperCase(Locale.ROOT) + (summary.isEmpty() ? "" : " (" + summary + ")"));
            }
            return FlowCommands.finish(spec, json, out, access, report);
        }
    }
}
