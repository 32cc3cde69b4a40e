package io.bootrig.rig.cli;

import io.bootrig.rig.RigHome;
import io.bootrig.rig.console.Transcript;
import io.bootrig.rig.demo.DemoMaterials;
import io.bootrig.rig.flow.FlowListener;
import io.bootrig.rig.flow.FlowReport;
import io.bootrig.rig.flow.FlowRunner;
import io.bootrig.rig.flow.ProvisionFlow;
import io.bootrig.rig.flow.ProvisionInputs;
import io.bootrig.rig.flow.StepResult;
import io.bootrig.rig.flow.TranscriptMarkers;
import io.bootrig.rig.flow.UpdateFlow;
import io.bootrig.rig.flow.UpdateInputs;
import io.bootrig.rig.openocd.OpenOcdException;
import io.bootrig.rig.session.BoardSession;
import io.bootrig.rig.session.PrivateVirtualBoard;
import io.bootrig.rig.sim.VirtualBoardUnavailableException;
import io.bootrig.wolfboot.AtomicFiles;
import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.config.WolfBootConfig;
import io.bootrig.wolfboot.keystore.KeystoreFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code rig demo}: the mission in one command. A fresh virtual board, fresh LMS keys and images in a work directory,
 * then provisioning and an update to v2, with live progress, a summary, a JSON run record and the transcript.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the whole STM32H5 OTP-keystore procedure on a fresh virtual board: make LMS keys, the "
                + "keystore, otp.bin, the primer, wolfBoot and signed v1/v2 images in a work directory; provision "
                + "(option bytes, primer, OTP read-back, mass erase, flashing, first boot); update to v2 over XMODEM "
                + "and confirm it. Prints a summary and writes demo.json and the transcript.",
                "Exit 0 only if every step passed; 1 = the board misbehaved, 3 = infrastructure (OpenOCD missing...)."})
final class DemoCommand implements Callable<Integer> {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Option(names = "--work", paramLabel = "DIR",
            description = "an empty or new directory for keys, images, board state and records "
                    + "(default $XDG_STATE_HOME/bootrig/demo/TIME)")
    Path work;

    @Option(names = "--config", paramLabel = "FILE",
            description = "wolfBoot .config (default board-configs/wolfboot/stm32h5-tz-dualbank-otp-lms.config)")
    Path config;

    @Option(names = "--baud", paramLabel = "N|unpaced", defaultValue = "115200",
            description = "the virtual console's line rate (default ${DEFAULT-VALUE}, as on the NUCLEO's ST-LINK port)")
    String baud;

    @Option(names = "--keep-board", description = "leave the virtual board running afterwards (rig sim stop --state DIR/board)")
    boolean keepBoard;

    @ParentCommand
    RigCli rig;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** One line of the summary's timing table. */
    private record Timing(String phase, String step, String status, double seconds) {}

    @Override
    public Integer call() throws IOException, FormatException {
        RigHome home = RigCli.of(spec).home();
        PrintWriter out = spec.commandLine().getOut();
        Path dir = (work != null ? work : home.stateHome().resolve("demo").resolve(LocalDateTime.now().format(STAMP)))
                .toAbsolutePath();
        Path configFile = config != null ? config
                : home.boardConfigs().resolve("wolfboot").resolve("stm32h5-tz-dualbank-otp-lms.config");
        WolfBootConfig cfg = WolfBootConfig.parse(configFile.toString(), Inputs.readText(configFile));
        if (Files.isDirectory(dir)) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw RigException.badInput("--work " + dir + " is not empty; give a new directory");
                }
            }
        }
        Files.createDirectories(dir);
        out.println("rig demo: work directory " + dir);
        List<Timing> timings = new ArrayList<>();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("workDirectory", dir.toString());
        record.put("config", configFile.toString());
        long t0 = System.nanoTime();

        out.println("[materials] fresh LMS keys, keystore, otp.bin, primer, wolfBoot and signed v1/v2 images");
        long m0 = System.nanoTime();
        DemoMaterials materials = DemoMaterials.create(dir.resolve("materials"), cfg, step -> {
            out.println("      " + step);
            out.flush();
        });
        timings.add(new Timing("materials", "keys and images", "ok", seconds(System.nanoTime() - m0)));
        record.put("materials", Map.of("keystore", materials.keystoreC().toString(), "otp", materials.otp().toString(),
                "imageV1", materials.imageV1().toString(), "imageV2", materials.imageV2().toString()));

        String name = "demo-" + ProcessHandle.current().pid();
        List<FlowReport> reports = new ArrayList<>();
        out.println("[board] start virtual board " + name + " (" + baud + " baud) and OpenOCD");
        long b0 = System.nanoTime();
        // the board is private to this run (its own state directory and process): no lease to take
        try (PrivateVirtualBoard board = PrivateVirtualBoard.start(name, dir.resolve("board"), configFile, baud, "rig demo");
                Transcript transcript = Transcript.toFiles(dir.resolve("transcript"));
                BoardSession session = BoardSession.open(home, board.spec(), transcript)) {
            if (keepBoard) {
                board.keep();
            }
            timings.add(new Timing("board", "virtual board and OpenOCD", "ok", seconds(System.nanoTime() - b0)));
            out.println("      OpenOCD " + session.openocd().version() + ", console " + session.consoleEndpoint().describe());
            List<FlowListener> listeners = List.of(new FlowPrinter(out, rig.interactive()),
                    new TranscriptMarkers(transcript));
            ProvisionInputs pin = new ProvisionInputs(materials.keystore(), KeystoreFormat.C_SOURCE,
                    materials.keystoreC().toString(), Files.readAllBytes(materials.otp()), materials.layout(),
                    materials.otpPrimer(), materials.wolfBoot(), materials.imageV1(), false, Optional.empty(),
                    Optional.empty(), ProvisionInputs.OTP_WAIT, ProvisionInputs.BOOT_WAIT);
            ProvisionFlow provision = new ProvisionFlow(session, pin);
            FlowReport p = new FlowRunner().run(ProvisionFlow.NAME, name, provision.steps(), false,
                    FlowListener.all(listeners), provision.inputsRecord());
            reports.add(p);
            if (p.passed()) {
                UpdateInputs uin = new UpdateInputs(materials.imageV2(), materials.layout(),
                        Optional.of(materials.keystore()), UpdateInputs.Expectation.ACCEPTED, true,
                        UpdateInputs.testAppXmodem(), UpdateInputs.BOOT_WAIT);
                UpdateFlow update = new UpdateFlow(session, uin);
                reports.add(new FlowRunner().run(UpdateFlow.NAME, name, update.steps(), false,
                        FlowListener.all(listeners), Map.of("image", materials.imageV2().toString())));
            }
            Files.writeString(dir.resolve("openocd.log"), session.openocd().log().lines().stream()
                    .map(l -> l.time() + " " + l.text()).collect(Collectors.joining("\n", "", "\n")));
        } catch (OpenOcdException | VirtualBoardUnavailableException e) {
            throw new RigException(ExitCode.INFRASTRUCTURE, name + ": " + e.getMessage());
        }
        for (FlowReport r : reports) {
            for (StepResult s : r.steps()) {
                timings.add(new Timing(r.flow(), s.name(), s.status().name().toLowerCase(java.util.Locale.ROOT),
                        seconds(s.duration().toNanos())));
            }
        }
        boolean passed = reports.size() == 2 && reports.stream().allMatch(FlowReport::passed);
        double total = seconds(System.nanoTime() - t0);
        record.put("passed", passed);
        record.put("seconds", total);
        record.put("timings", timings.stream().map(t -> Map.of("phase", t.phase(), "step", t.step(), "status", t.status(),
                "seconds", t.seconds())).toList());
        record.put("flows", reports.stream().map(RunRecord::of).toList());
        AtomicFiles.write(dir.resolve("demo.json"), Json.write(record).getBytes(StandardCharsets.UTF_8), false);
        summary(out, reports, timings, total, passed, dir);
        return passed ? ExitCode.OK : reports.stream().filter(r -> !r.passed()).findFirst().map(FlowCommands::exitCode)
                .orElse(ExitCode.INFRASTRUCTURE);
    }

    private static void summary(PrintWriter out, List<FlowReport> reports, List<Timing> timings, double total,
            boolean passed, Path dir) {
        out.println();
        out.println("==== rig demo summary ====");
        Map<String, Object> results = new LinkedHashMap<>();
        reports.forEach(r -> results.putAll(r.results()));
        if (results.containsKey("otpHeader")) {
            out.println("OTP header:  " + results.get("otpHeader"));
        }
        if (results.get("keys") instanceof List<?> keys) {
            for (Object k : keys) {
                out.println("OTP key:     " + k);
            }
        }
        if (results.containsKey("versionBefore")) {
            out.println("versions:    v" + results.get("versionBefore") + " (" + results.get("stateBefore") + ") -> v"
                    + results.get("versionAfter") + " (" + results.get("stateAfter") + ") -> "
                    + results.getOrDefault("stateConfirmed", "not confirmed"));
        } else if (results.containsKey("firmwareVersion")) {
            out.println("version:     v" + results.get("firmwareVersion") + " (" + results.get("firmwareState") + ")");
        }
        if (results.get("xmodem") instanceof Map<?, ?> x) {
            out.println("XMODEM:      " + x.get("bytes") + " bytes, " + x.get("blocks") + " blocks, " + x.get("seconds")
                    + " s, " + x.get("bytesPerSecond") + " B/s, " + x.get("naks") + " NAKs");
        }
        out.println();
        out.printf("%-10s %-26s %-8s %8s%n", "phase", "step", "status", "seconds");
        for (Timing t : timings) {
            out.printf("%-10s %-26s %-8s %8.2f%n", t.phase(), t.step(), t.status(), t.seconds());
        }
        out.printf("%-10s %-26s %-8s %8.2f%n", "total", "", passed ? "passed" : "FAILED", total);
        out.println();
        out.println("record:      " + dir.resolve("demo.json"));
        out.println("transcript:  " + dir.resolve("transcript.txt") + " (and transcript.jsonl)");
        out.println("OpenOCD log: " + dir.resolve("openocd.log"));
        out.println(passed ? "rig demo: PASSED" : "rig demo: FAILED");
        out.flush();
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1e7) / 100.0;
    }
}
