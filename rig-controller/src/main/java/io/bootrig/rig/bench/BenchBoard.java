package io.bootrig.rig.bench;

import io.bootrig.rig.RigHome;
import io.bootrig.rig.console.Transcript;
import io.bootrig.rig.demo.DemoMaterials;
import io.bootrig.rig.flow.FlowListener;
import io.bootrig.rig.flow.FlowReport;
import io.bootrig.rig.flow.FlowRunner;
import io.bootrig.rig.flow.ProvisionFlow;
import io.bootrig.rig.flow.ProvisionInputs;
import io.bootrig.rig.inventory.BoardKind;
import io.bootrig.rig.inventory.BoardSpec;
import io.bootrig.rig.inventory.ConsoleSpec;
import io.bootrig.rig.inventory.OpenOcdInterface;
import io.bootrig.rig.inventory.PowerSpec;
import io.bootrig.rig.session.BoardSession;
import io.bootrig.rig.sim.VirtualBoardProcess;
import io.bootrig.wolfboot.config.WolfBootConfig;
import io.bootrig.wolfboot.keystore.KeystoreFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A private virtual board for a benchmark: its own state and keys, connected, optionally provisioned. */
public final class BenchBoard implements AutoCloseable {
    final BoardSession session;
    final DemoMaterials materials;
    private final VirtualBoardProcess.Running process;
    private final Transcript transcript;

    private BenchBoard(BoardSession session, DemoMaterials materials, VirtualBoardProcess.Running process,
            Transcript transcript) {
        this.session = session;
        this.materials = materials;
        this.process = process;
        this.transcript = transcript;
    }

    public static BenchBoard start(RigHome home, Path dir, String name, String baud) throws Exception {
        Path configFile = home.boardConfigs().resolve("wolfboot/stm32h5-tz-dualbank-otp-lms.config");
        WolfBootConfig config = WolfBootConfig.parse(configFile.toString(), Files.readString(configFile));
        DemoMaterials materials = DemoMaterials.create(dir.resolve("materials"), config);
        VirtualBoardProcess.Running process = VirtualBoardProcess.start(name, dir.resolve("board"), List.of("--baud", baud));
        Transcript transcript = Transcript.toFiles(dir.resolve("transcript"));
        BoardSpec spec = new BoardSpec(name, BoardKind.VIRTUAL, Optional.empty(), new ConsoleSpec.Virtual(),
                new OpenOcdInterface("interface/virtual-board.cfg", List.of()), new PowerSpec.Virtual(), configFile,
                Map.of("sacrificial", "true"), Optional.of(dir.resolve("board")), "rig bench");
        try {
            return new BenchBoard(BoardSession.open(home, spec, transcript), materials, process, transcript);
        } catch (Exception e) {
            transcript.close();
            VirtualBoardProcess.stop(process);
            throw e;
        }
    }

    /** Provisions with the board's fresh keys; v1 runs afterwards. */
    public void provision() throws Exception {
        ProvisionFlow flow = new ProvisionFlow(session, new ProvisionInputs(materials.keystore(), KeystoreFormat.C_SOURCE,
                materials.keystoreC().toString(), Files.readAllBytes(materials.otp()), materials.layout(),
                materials.otpPrimer(), materials.wolfBoot(), materials.imageV1(), false, Optional.empty(),
                Optional.empty(), ProvisionInputs.OTP_WAIT, ProvisionInputs.BOOT_WAIT));
        FlowReport r = new FlowRunner().run(ProvisionFlow.NAME, session.board().name(), flow.steps(), false,
                FlowListener.NONE, Map.of());
        if (!r.passed()) {
            throw new IllegalStateException("provisioning the benchmark board failed: "
                    + r.failedStep().map(s -> s.name() + ": " + s.summary()).orElse("?"));
        }
    }

    @Override
    public void close() throws Exception {
        try {
            session.close();
            transcript.close();
        } finally {
            VirtualBoardProcess.stop(process);
        }
    }
}
