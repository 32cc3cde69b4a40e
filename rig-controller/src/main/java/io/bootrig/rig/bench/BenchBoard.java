package io.bootrig.rig.bench;

import io.bootrig.rig.RigHome;
import io.bootrig.rig.console.Transcript;
import io.bootrig.rig.demo.DemoMaterials;
import io.bootrig.rig.flow.FlowListener;
import io.bootrig.rig.flow.FlowReport;
import io.bootrig.rig.flow.FlowRunner;
import io.bootrig.rig.flow.ProvisionFlow;
import io.bootrig.rig.flow.ProvisionInputs;
import io.bootrig.rig.session.BoardSession;
import io.bootrig.rig.session.PrivateVirtualBoard;
import io.bootrig.wolfboot.config.WolfBootConfig;
import io.bootrig.wolfboot.keystore.KeystoreFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** A private virtual board for a benchmark: its own state and keys, connected, optionally provisioned. */
public final class BenchBoard implements AutoCloseable {
    final BoardSession session;
    final DemoMaterials materials;
    private final PrivateVirtualBoard board;
    private final Transcript transcript;

    private BenchBoard(BoardSession session, DemoMaterials materials, PrivateVirtualBoard board, Transcript transcript) {
        this.session = session;
        this.materials = materials;
        this.board = board;
        this.transcript = transcript;
    }

    public static BenchBoard start(RigHome home, Path dir, String name, String baud) throws Exception {
        Path configFile = home.boardConfigs().resolve("wolfboot/stm32h5-tz-dualbank-otp-lms.config");
        WolfBootConfig config = WolfBootConfig.parse(configFile.toString(), Files.readString(configFile));
        DemoMaterials materials = DemoMaterials.create(dir.resolve("materials"), config);
        PrivateVirtualBoard board = PrivateVirtualBoard.start(name, dir.resolve("board"), configFile, baud, "rig bench");
        Transcript transcript = Transcript.toFiles(dir.resolve("transcript"));
        try {
            return new BenchBoard(BoardSession.open(home, board.spec(), transcript), materials, board, transcript);
        } catch (Exception e) {
            transcript.close();
            board.close();
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
            board.close();
        }
    }
}
