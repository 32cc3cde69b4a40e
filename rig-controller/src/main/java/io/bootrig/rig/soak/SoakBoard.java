package io.bootrig.rig.soak;

import io.bootrig.rig.RigHome;
import io.bootrig.rig.console.PartitionState;
import io.bootrig.rig.console.SystemInfo;
import io.bootrig.rig.console.Transcript;
import io.bootrig.rig.demo.DemoMaterials;
import io.bootrig.rig.flow.FlowReport;
import io.bootrig.rig.flow.FlowRunner;
import io.bootrig.rig.flow.ProvisionFlow;
import io.bootrig.rig.flow.ProvisionInputs;
import io.bootrig.rig.flow.StepResult;
import io.bootrig.rig.flow.TestAppSession;
import io.bootrig.rig.flow.TranscriptMarkers;
import io.bootrig.rig.flow.UpdateFlow;
import io.bootrig.rig.flow.UpdateInputs;
import io.bootrig.rig.session.BoardSession;
import io.bootrig.rig.session.PrivateVirtualBoard;
import io.bootrig.rig.sim.VirtualBoardFaults;
import io.bootrig.wolfboot.config.WolfBootConfig;
import io.bootrig.wolfboot.keystore.KeystoreFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** One virtual board of a soak: fresh keys and state, provisioned once, then update cycles each with a random fault. */
final class SoakBoard implements Callable<List<CycleOutcome>> {
    private static final Duration SHORT = Duration.ofSeconds(5);
    private static final Duration BOOT = Duration.ofSeconds(30);

    private final RigHome home;
    private final String name;
    private final Path dir;
    private final WolfBootConfig config;
    private final Path configFile;
    private final int cycles;
    private final Random random;
    private final String baud;
    private final boolean faults;
    private final Consumer<CycleOutcome> progress;

    SoakBoard(RigHome home, String name, Path dir, Path configFile, WolfBootConfig config, int cycles, long seed,
            String baud, boolean faults, Consumer<CycleOutcome> progress) {
        this.home = home;
        this.name = name;
        this.dir = dir;
        this.configFile = configFile;
        this.config = config;
        this.cycles = cycles;
        this.random = new Random(seed);
        this.baud = baud;
        this.faults = faults;
        this.progress = progress;
    }

    @Override
    public List<CycleOutcome> call() throws Exception {
        List<CycleOutcome> outcomes = new ArrayList<>();
        DemoMaterials materials = DemoMaterials.create(dir.resolve("materials"), config);
        try (PrivateVirtualBoard board = PrivateVirtualBoard.start(name, dir.resolve("board"), configFile, baud, "rig soak");
                Transcript transcript = Transcript.toFiles(dir.resolve("transcript"));
                BoardSession session = BoardSession.open(home, board.spec(), transcript)) {
            long t0 = System.nanoTime();
            FlowReport provision = run(session, ProvisionFlow.NAME, new ProvisionFlow(session, new ProvisionInputs(
                    materials.keystore(), KeystoreFormat.C_SOURCE, materials.keystoreC().toString(),
                    Files.readAllBytes(materials.otp()), materials.layout(), materials.otpPrimer(), materials.wolfBoot(),
                    materials.imageV1(), false, Optional.empty(), Optional.empty(), ProvisionInputs.OTP_WAIT,
                    ProvisionInputs.BOOT_WAIT)).steps());
            if (!provision.passed()) {
                CycleOutcome o = new CycleOutcome(name, 0, "provision", false, 0, 0, "?", "provisioning failed: "
                        + provision.failedStep().map(StepResult::summary).orElse("?"), elapsed(t0));
                progress.accept(o);
                outcomes.add(o);
                return outcomes;
            }
            VirtualBoardFaults faults = new VirtualBoardFaults(session.virtualBoard().orElseThrow());
            for (int c = 1; c <= cycles; c++) {
                CycleOutcome o = cycle(session, faults, materials, c);
                progress.accept(o);
                outcomes.add(o);
            }
        }
        return outcomes;
    }

    private CycleOutcome cycle(BoardSession session, VirtualBoardFaults faults, DemoMaterials materials, int c)
            throws Exception {
        long t0 = System.nanoTime();
        long before = current(session).firmwareVersion();
        Path image = materials.signVersion((int) before + 1, Files.createDirectories(dir.resolve("images"))
                .resolve("v" + (before + 1) + ".bin"));
        int blocks = (int) ((Files.size(image) + 127) / 128);
        FaultPlan plan = this.faults ? FaultPlan.draw(random, blocks) : FaultPlan.NONE;
        faults.clear();
        if (plan.command().isPresent()) {
            faults.arm(plan.command().get());
        }
        session.marker("soak cycle " + c + ": " + plan.name() + plan.command().map(x -> " (" + x + ")").orElse(""));
        FlowReport update = run(session, UpdateFlow.NAME, new UpdateFlow(session, new UpdateInputs(image,
                materials.layout(), Optional.of(materials.keystore()), UpdateInputs.Expectation.ACCEPTED, true,
                UpdateInputs.impatientXmodem(), SHORT, SHORT)).steps());
        boolean struck = plan.command().isEmpty() || faults.list().stream()
                .anyMatch(f -> f.kind().equals(plan.kind()) && f.triggered());
        faults.clear();
        SystemInfo after;
        try {
            if ("off".equals(faults.power())) {
                session.console().discardPending();
                session.power().on();
                TestAppSession.awaitBoot(session.console(), BOOT);
            }
            after = current(session);
            if (after.bootState() == PartitionState.TESTING) {
                TestAppSession.command(session.console(), "success");
            }
        } catch (Exception e) {
            return new CycleOutcome(name, c, plan.name(), struck, before, -1, "?",
                    "no valid image boots after the fault: " + e.getMessage(), elapsed(t0));
        }
        long expected = plan.newVersionWins() ? before + 1 : before;
        String failure = "";
        if (!struck) {
            failure = "the fault was armed but never struck";
        } else if (after.firmwareVersion() != expected) {
            failure = "runs v" + after.firmwareVersion() + ", expected v" + expected + " after " + plan.name();
        } else if (plan.flowPasses() && !update.passed()) {
            failure = "the update failed at " + update.failedStep().map(s -> s.name() + ": " + s.summary()).orElse("?");
        }
        return new CycleOutcome(name, c, plan.name(), struck, before, after.firmwareVersion(), after.bootState().name(),
                failure, elapsed(t0));
    }

    /** The running application's info (it must be at its prompt). */
    private static SystemInfo current(BoardSession session) throws Exception {
        TestAppSession.atPrompt(session.console(), SHORT);
        return TestAppSession.info(session.console());
    }

    private static FlowReport run(BoardSession session, String flow, List<io.bootrig.rig.flow.Step> steps) {
        return new FlowRunner().run(flow, session.board().name(), steps, false,
                new TranscriptMarkers(session.transcript()), Map.of());
    }

    private static Duration elapsed(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }
}
