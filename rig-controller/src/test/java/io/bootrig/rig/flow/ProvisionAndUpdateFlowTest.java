package io.bootrig.rig.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.bootrig.rig.console.Transcript;
import io.bootrig.rig.inventory.BoardSpec;
import io.bootrig.rig.session.BoardSession;
import io.bootrig.rig.sim.VirtualBoardProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The whole OTP-keystore procedure and an update to v2 on one virtual board, through the real OpenOCD. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProvisionAndUpdateFlowTest {
    @TempDir
    static Path dir;

    private static BoardSpec board;

    @BeforeAll
    static void board() {
        board = FlowFixtures.virtualBoard("flow-test", dir.resolve("board"), true);
    }

    @AfterAll
    static void stopBoard() throws Exception {
        var running = VirtualBoardProcess.running(dir.resolve("board"));
        if (running.isPresent()) {
            VirtualBoardProcess.stop(running.get());
        }
    }

    @Test
    @Order(1)
    void provisionsAFreshBoard() throws Exception {
        FlowReport r;
        try (Transcript t = Transcript.toFiles(dir.resolve("provision"));
                BoardSession s = BoardSession.open(FlowFixtures.home(), board, t)) {
            ProvisionFlow flow = new ProvisionFlow(s, FlowFixtures.provision(false));
            r = new FlowRunner().run(ProvisionFlow.NAME, board.name(), flow.steps(), false, FlowListener.NONE, Map.of());
        }
        assertThat(r.failedStep()).as("failed step").isEmpty();
        assertThat(r.steps()).extracting(StepResult::status).containsOnly(StepStatus.PASSED);
        assertThat(r.results()).containsEntry("otpBefore", "blank").containsEntry("firmwareVersion", 1L)
                .containsEntry("firmwareState", "NEW");
        assertThat(r.step("verify-otp").orElseThrow().notes()).anyMatch(n -> n.contains("\"WOLFBOOT\" header: 2 keys"));
        assertThat(Files.readString(dir.resolve("provision.txt"))).contains("---- console opened", " in   \"");
    }

    @Test
    @Order(2)
    void updatesToV2AndConfirms() throws Exception {
        FlowReport r;
        try (Transcript t = Transcript.toFiles(dir.resolve("update"));
                BoardSession s = BoardSession.open(FlowFixtures.home(), board, t)) {
            UpdateFlow flow = new UpdateFlow(s, FlowFixtures.update("image_v2_signed.bin", UpdateInputs.Expectation.ACCEPTED, true));
            r = new FlowRunner().run(UpdateFlow.NAME, board.name(), flow.steps(), false, FlowListener.NONE, Map.of());
        }
        assertThat(r.failedStep()).as("failed step").isEmpty();
        assertThat(r.results()).containsEntry("versionBefore", 1L).containsEntry("versionAfter", 2L)
                .containsEntry("stateAfter", "TESTING").containsEntry("stateConfirmed", "CONFIRMED");
        @SuppressWarnings("unchecked")
        List<String> messages = (List<String>) r.results().get("updateMessages");
        assertThat(messages).contains("End of transfer. ret: 0", "Transfer succeeded", "New firmware version: 0x2",
                "Triggering update...", "Update written successfully. Reboot to apply.");
    }

    @Test
    @Order(3)
    void reprovisioningAnUpdatedBoardUnswapsTheBanksSkipsThePrimerAndBootsV1() throws Exception {
        FlowReport r;
        try (Transcript t = Transcript.to();
                BoardSession s = BoardSession.open(FlowFixtures.home(), board, t)) {
            ProvisionFlow flow = new ProvisionFlow(s, FlowFixtures.provision(false));
            r = new FlowRunner().run(ProvisionFlow.NAME, board.name(), flow.steps(), false, FlowListener.NONE, Map.of());
            assertThat(s.chip().readOptionBytes().swapBank()).isFalse();
        }
        assertThat(r.failedStep()).as("failed step").isEmpty();
        assertThat(r.results()).containsEntry("otpBefore", "expected").containsEntry("firmwareVersion", 1L);
        // wolfBoot's bank swap exchanged the watermarks too: both are put back with SWAP_BANK
        assertThat(r.step("option-bytes").orElseThrow().writes()).containsExactly("option bytes: SWAP_BANK 1 -> 0",
                "option bytes: SECWM1 0x00..0x7F -> 0x00..0x2F", "option bytes: SECWM2 0x00..0x2F -> 0x00..0x7F");
        assertThat(r.steps()).filteredOn(s -> s.status() == StepStatus.SKIPPED).extracting(StepResult::name)
                .containsExactly("erase-for-primer", "flash-primer", "run-primer", "wait-otp");
    }

    @Test
    @Order(4)
    void updatesAgainAfterReprovisioning() throws Exception {
        FlowReport r;
        try (Transcript t = Transcript.to();
                BoardSession s = BoardSession.open(FlowFixtures.home(), board, t)) {
            UpdateFlow flow = new UpdateFlow(s, FlowFixtures.update("image_v2_signed.bin", UpdateInputs.Expectation.ACCEPTED, true));
            r = new FlowRunner().run(UpdateFlow.NAME, board.name(), flow.steps(), false, FlowListener.NONE, Map.of());
        }
        assertThat(r.failedStep()).as("failed step").isEmpty();
        assertThat(r.results()).containsEntry("versionAfter", 2L).containsEntry("stateConfirmed", "CONFIRMED");
    }

    @Test
    @Order(5)
    void healthIsGoodOnTheUpdatedBoard() throws Exception {
        FlowReport r;
        try (Transcript t = Transcript.to();
                BoardSession s = BoardSession.open(FlowFixtures.home(), board, t)) {
            r = new FlowRunner().run(HealthFlow.NAME, board.name(), new HealthFlow(s, java.util.OptionalLong.of(2)).steps(),
                    false, FlowListener.NONE, Map.of());
        }
        assertThat(r.failedStep()).as("failed step").isEmpty();
        assertThat(r.results()).containsEntry("firmwareVersion", 2L).containsEntry("firmwareState", "CONFIRMED");
    }
}
