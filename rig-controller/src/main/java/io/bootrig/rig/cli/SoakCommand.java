package io.bootrig.rig.cli;

import io.bootrig.rig.RigHome;
import io.bootrig.rig.soak.CycleOutcome;
import io.bootrig.rig.soak.SoakReport;
import io.bootrig.rig.soak.SoakRun;
import io.bootrig.wolfboot.AtomicFiles;
import io.bootrig.wolfboot.FormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rig soak}: many provision + update cycles with random faults on virtual boards, and a leak count. */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = {"Run N virtual boards in parallel, each with fresh keys and state: provision once, then M update "
                + "cycles, each with a fault drawn at random (none, a power cut at a random XMODEM block, after the "
                + "trigger, during the swap, UART corruption). After each cycle a valid image must boot: the old one "
                + "when the update was cut short, the new one otherwise. Reports cycles, faults, failures, and the "
                + "processes, file descriptors and sockets the rig held afterwards that it did not hold before.",
                "Exit 0 = every cycle passed and nothing leaked, 1 = a cycle failed or something leaked, 2 = bad input."})
final class SoakCommand implements Callable<Integer> {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Option(names = "--boards", paramLabel = "N", defaultValue = "2", description = "boards in parallel (default ${DEFAULT-VALUE})")
    int boards;

    @Option(names = "--cycles", paramLabel = "M", defaultValue = "10", description = "update cycles per board (default ${DEFAULT-VALUE})")
    int cycles;

    @Option(names = "--seed", paramLabel = "S", description = "random seed (default: the time; printed, so a run can be replayed)")
    Long seed;

    @Option(names = "--baud", paramLabel = "N|unpaced", defaultValue = "unpaced",
            description = "the virtual consoles' line rate (default ${DEFAULT-VALUE})")
    String baud;

    @Option(names = "--work", paramLabel = "DIR", description = "new directory for keys, board state and transcripts "
            + "(default $XDG_STATE_HOME/bootrig/soak/TIME)")
    Path work;

    @Option(names = "--config", paramLabel = "FILE",
            description = "wolfBoot .config (default board-configs/wolfboot/stm32h5-tz-dualbank-otp-lms.config)")
    Path config;

    @Option(names = "--json", description = "print the report as JSON")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, FormatException, InterruptedException {
        if (boards < 1 || boards > 32 || cycles < 1) {
            throw RigException.badInput("--boards must be 1..32 and --cycles at least 1");
        }
        RigHome home = RigCli.of(spec).home();
        long s = seed != null ? seed : System.currentTimeMillis();
        Path dir = (work != null ? work : home.stateHome().resolve("soak").resolve(LocalDateTime.now().format(STAMP)))
                .toAbsolutePath();
        Files.createDirectories(dir);
        Path configFile = config != null ? config
                : home.boardConfigs().resolve("wolfboot").resolve("stm32h5-tz-dualbank-otp-lms.config");
        PrintWriter out = json ? spec.commandLine().getErr() : spec.commandLine().getOut();
        out.printf("rig soak: %d board(s) x %d cycle(s), seed %d, work %s%n", boards, cycles, s, dir);
        out.flush();
        SoakReport report = new SoakRun(home, configFile, dir).run(boards, cycles, s, baud, o -> line(out, o));
        AtomicFiles.write(dir.resolve("soak.json"), Json.write(report.toMap()).getBytes(StandardCharsets.UTF_8), false);
        if (json) {
            spec.commandLine().getOut().println(Json.write(report.toMap()));
        } else {
            summary(out, report, dir);
        }
        return report.passed() ? ExitCode.OK : ExitCode.REJECTED;
    }

    private static void line(PrintWriter out, CycleOutcome o) {
        out.printf("  %s cycle %d: %-40s %s v%d -> v%d %s %.1f s%s%n", o.board(), o.cycle(), o.fault(),
                o.struck() ? "struck" : "      ", o.versionBefore(), o.versionAfter(), o.stateAfter(),
                o.duration().toMillis() / 1000.0, o.passed() ? "" : "  FAILED: " + o.failure());
        out.flush();
    }

    private static void summary(PrintWriter out, SoakReport r, Path dir) {
        out.println();
        out.printf("%-42s %6s %6s %6s%n", "fault", "cycles", "struck", "failed");
        r.byFault().forEach((k, v) -> out.printf("%-42s %6d %6d %6d%n", k, v[0], v[1], v[2]));
        out.printf("cycles %d, faults injected %d, failures %d, in %.1f s%n", r.cycles().size(),
                r.cycles().stream().filter(c -> !c.fault().equals("none")).count(), r.failures(),
                r.duration().toMillis() / 1000.0);
        r.boardErrors().forEach(e -> out.println("board error: " + e));
        out.printf("leaked: %d process(es)%s, %d file descriptor(s), %d socket(s)%n", r.leakedProcesses().size(),
                r.leakedProcesses().isEmpty() ? "" : " " + r.leakedProcesses(), r.leakedFileDescriptors(), r.leakedSockets());
        out.println("report: " + dir.resolve("soak.json"));
        out.println(r.passed() ? "rig soak: PASSED" : "rig soak: FAILED");
        out.flush();
    }
}
