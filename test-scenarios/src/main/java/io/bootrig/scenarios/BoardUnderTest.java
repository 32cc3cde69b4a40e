package io.bootrig.scenarios;

import io.bootrig.rig.console.SystemInfo;
import io.bootrig.rig.console.Transcript;
import io.bootrig.rig.flow.FlowListener;
import io.bootrig.rig.flow.FlowReport;
import io.bootrig.rig.flow.FlowRunner;
import io.bootrig.rig.flow.OtpRecords;
import io.bootrig.rig.flow.HealthFlow;
import io.bootrig.rig.flow.ProvisionFlow;
import io.bootrig.rig.flow.ProvisionInputs;
import io.bootrig.rig.flow.Step;
import io.bootrig.rig.flow.TestAppSession;
import io.bootrig.rig.flow.TranscriptMarkers;
import io.bootrig.rig.flow.UpdateFlow;
import io.bootrig.rig.flow.UpdateInputs;
import io.bootrig.rig.inventory.BoardSpec;
import io.bootrig.rig.lease.Lease;
import io.bootrig.rig.power.PowerSwitch;
import io.bootrig.rig.session.BoardSession;
import io.bootrig.rig.sim.VirtualBoardFaults;
import io.bootrig.rig.sim.VirtualBoardProcess;
import io.bootrig.rig.stm32h5.Identity;
import io.bootrig.rig.xmodem.SenderSettings;
import io.bootrig.wolfboot.keystore.KeystoreFormat;
import io.qameta.allure.Allure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The board a scenario class works on, connected and leased by {@link BoardExtension}: the procedure's flows as one
 * call each (every flow step an Allure step, every step a transcript marker), its console, power and faults.
 */
public final class BoardUnderTest {
    private final BoardSpec board;
    private final BoardSession session;
    private final ScenarioMaterials materials;
    private final Path runDirectory;
    private final Optional<Lease> lease;
    private final boolean privateBoard;
    private boolean provisioned;

    BoardUnderTest(BoardSpec board, BoardSession session, ScenarioMaterials materials, Path runDirectory,
            Optional<Lease> lease, boolean privateBoard) {
        this.board = board;
        this.session = session;
        this.materials = materials;
        this.runDirectory = runDirectory;
        this.lease = lease;
        this.privateBoard = privateBoard;
    }

    public BoardSpec board() {
        return board;
    }

    public BoardSession session() {
        return session;
    }

    public ScenarioMaterials materials() {
        return materials;
    }

    /** Where this class's transcript, OpenOCD log and materials are. */
    public Path runDirectory() {
        return runDirectory;
    }

    public Transcript transcript() {
        return session.transcript();
    }

    /** A virtual board made for this test class alone (fresh state), as opposed to one from the inventory. */
    public boolean isPrivate() {
        return privateBoard;
    }

    Optional<Lease> lease() {
        return lease;
    }

    /** The provisioning inputs for the scenario's keystore and firmware, with v1 as the application. */
    public ProvisionInputs provisionInputs() throws Exception {
        return new ProvisionInputs(materials.keystore(), KeystoreFormat.C_SOURCE, materials.keystoreFile().toString(),
                materials.expectedOtp(), materials.layout(), materials.primer(), materials.wolfBoot(), materials.signed(1),
                false, Optional.empty(), Optional.empty(), ProvisionInputs.OTP_WAIT, ProvisionInputs.BOOT_WAIT);
    }

    /** Provisions the board (keystore in OTP, wolfBoot and v1 flashed, v1 booted); fails the test if it did not. */
    public FlowReport provision() throws Exception {
        FlowReport r = runProvision(provisionInputs());
        FlowVerdicts.assertPassed(r);
        return r;
    }

    /** Provisions the board the first time a test of the class asks; later calls do nothing. */
    public void provisionOnce() throws Exception {
        if (!provisioned) {
            provision();
            provisioned = true;
        }
    }

    public FlowReport runProvision(ProvisionInputs inputs) {
        ProvisionFlow flow = new ProvisionFlow(session, inputs);
        return run(ProvisionFlow.NAME, flow.steps(), flow.inputsRecord());
    }

    /** Sends {@code image} and checks the board does what {@code expect} says; fails the test otherwise. */
    public FlowReport update(Path image, UpdateInputs.Expectation expect, boolean confirm) {
        FlowReport r = runUpdate(image, expect, confirm, UpdateInputs.testAppXmodem());
        FlowVerdicts.assertPassed(r);
        return r;
    }

    /** The update flow without a verdict (fault scenarios judge the outcome themselves). */
    public FlowReport runUpdate(Path image, UpdateInputs.Expectation expect, boolean confirm, SenderSettings xmodem) {
        return runUpdate(new UpdateInputs(image, materials.layout(), Optional.of(materials.keystore()), expect, confirm,
                xmodem, UpdateInputs.BOOT_WAIT));
    }

    /** The update flow with every setting given. */
    public FlowReport runUpdate(UpdateInputs inputs) {
        Path image = inputs.image();
        UpdateFlow flow = new UpdateFlow(session, inputs);
        FlowReport r = run(UpdateFlow.NAME, flow.steps(), Map.of("image", image.toString()));
        if (r.results().get("xmodemTimeline") instanceof List<?> lines && !lines.isEmpty()) {
            Allure.addAttachment("XMODEM timeline (" + image.getFileName() + ")", "text/plain",
                    String.join("\n", lines.stream().map(String::valueOf).toList()), "txt");
        }
        return r;
    }

    /** The health check; fails the test if the board is not healthy running {@code expectedVersion}. */
    public FlowReport health(long expectedVersion) {
        FlowReport r = run(HealthFlow.NAME, new HealthFlow(session, OptionalLong.of(expectedVersion)).steps(), Map.of());
        FlowVerdicts.assertPassed(r);
        return r;
    }

    /** Runs steps as a flow, reported to Allure and the transcript. */
    public FlowReport run(String flow, List<Step> steps, Map<String, Object> initial) {
        return new FlowRunner().run(flow, board.name(), steps, false,
                FlowListener.all(List.of(new AllureFlowSteps(), new TranscriptMarkers(session.transcript()))), initial);
    }

    /** What the application's 'info' says now (it must be at its prompt). */
    public SystemInfo info() throws Exception {
        TestAppSession.atPrompt(session.console(), Duration.ofSeconds(5));
        return TestAppSession.info(session.console());
    }

    /** Switches the power on and waits for the application's start-up output; what its 'info' printed then. */
    public SystemInfo powerOnAndAwaitBoot(Duration wait) throws Exception {
        session.console().discardPending();
        session.power().on();
        return TestAppSession.awaitBoot(session.console(), wait).info();
    }

    /** The virtual board's fault injection; a scenario needing it on a real board is a setup failure. */
    public VirtualBoardFaults faults() {
        VirtualBoardProcess.Running v = session.virtualBoard().orElseThrow(() -> new SetupFailure(board.name()
                + " is a real board: this scenario injects faults through the virtual board's control port"));
        return new VirtualBoardFaults(v);
    }

    public PowerSwitch power() {
        return session.power();
    }

    /** The OTP area as a hex dump (the UDS masked). */
    public String otpHex() throws Exception {
        return OtpRecords.hexDump(session.chip().readOtp());
    }

    /** Device, revision, UID, option bytes: one paragraph for the report. */
    public String identity() throws Exception {
        Identity id = session.chip().identity();
        return String.format("board %s (%s, %s)%ndevice 0x%03X rev 0x%04X, UID %s, %d KB flash%n"
                        + "TZEN 0x%02X, SWAP_BANK %d, SECWM1 %s, SECWM2 %s, product state %s%nOpenOCD %s%n",
                board.name(), board.kind(), board.source(), id.deviceId(), id.revisionId(), id.uid(), id.flashKb(),
                id.options().tzen(), id.options().swapBank() ? 1 : 0, id.options().secwm1(), id.options().secwm2(),
                id.options().productState(), session.openocd().version());
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
