package io.bootrig.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.bootrig.rig.console.PartitionState;
import io.bootrig.rig.console.SystemInfo;
import io.bootrig.rig.flow.FlowReport;
import io.bootrig.rig.flow.StepResult;
import io.bootrig.rig.flow.UpdateInputs;
import io.bootrig.rig.openocd.OpenOcdException;
import io.bootrig.rig.sim.VirtualBoardFaults;
import io.qameta.allure.Allure;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Faults in the middle of an update, injected through the virtual board's control port (a real board with a power
 * switch could cut its power the same way). After each, the board must boot a valid image, and the rig must say
 * exactly what happened. A fault that did not strike makes the test an error: it proved nothing.
 */
@Epic("STM32H5 OTP keystore")
@Feature("Fault injection")
@Tag("faults")
@Tag("virtual-only")
@ExtendWith(BoardExtension.class)
class FaultInjectionScenario {
    private static final Duration SHORT = Duration.ofSeconds(5);
    private static final Duration BOOT = Duration.ofSeconds(30);

    @BeforeEach
    void provisioned(BoardUnderTest board) throws Exception {
        board.provisionOnce();
        board.faults().clear();
        if (board.faults().power().equals("off")) {
            board.powerOnAndAwaitBoot(BOOT);
        }
        if (board.info().bootState() == PartitionState.TESTING) {
            board.session().console().command("success", SHORT);
        }
    }

    @ParameterizedTest(name = "power cut at XMODEM block {0}: the partial update is erased, the running version boots")
    @ValueSource(ints = {1, 40})
    void powerCutAtAnXmodemBlock(int block, BoardUnderTest board) throws Exception {
        long v = board.info().firmwareVersion();
        board.faults().arm("power-cut-at-block " + block);
        FlowReport r = update(board, v + 1);
        StepResult failed = failedAt(r, "xmodem");
        VirtualBoardFaults.Fault fault = struck(board, "power-cut-at-block");
        SystemInfo after = board.powerOnAndAwaitBoot(BOOT);
        report(fault, failed, after);
        assertThat(after.firmwareVersion()).isEqualTo(v);
        assertThat(after.update()).as("wolfBoot erased the partial image").isEmpty();
    }

    @Test
    @DisplayName("Power cut right after the update trigger: the update is applied at power-on")
    void powerCutAfterTheTrigger(BoardUnderTest board) throws Exception {
        long v = board.info().firmwareVersion();
        board.faults().arm("power-cut-after-trigger");
        FlowReport r = update(board, v + 1);
        StepResult failed = failedAt(r, "update-messages");
        assertThat(failed.summary()).contains("Triggering update...");
        VirtualBoardFaults.Fault fault = struck(board, "power-cut-after-trigger");
        SystemInfo after = board.powerOnAndAwaitBoot(BOOT);
        report(fault, failed, after);
        assertThat(after.firmwareVersion()).isEqualTo(v + 1);
        assertThat(after.bootState()).isEqualTo(PartitionState.TESTING);
    }

    @ParameterizedTest(name = "power cut during the bank swap ({0}): the new version boots at power-on")
    @ValueSource(strings = {"staged", "committed"})
    void powerCutDuringTheSwap(String when, BoardUnderTest board) throws Exception {
        long v = board.info().firmwareVersion();
        board.faults().arm("power-cut-during-swap " + when);
        FlowReport r = update(board, v + 1);
        StepResult failed = failedAt(r, "reboot");
        VirtualBoardFaults.Fault fault = struck(board, "power-cut-during-swap");
        SystemInfo after = board.powerOnAndAwaitBoot(BOOT);
        report(fault, failed, after);
        assertThat(after.firmwareVersion()).isEqualTo(v + 1);
        assertThat(after.bootState()).isEqualTo(PartitionState.TESTING);
    }

    @Test
    @DisplayName("Corrupted bytes on the UART: XMODEM resends and the update still lands")
    void uartCorruption(BoardUnderTest board) throws Exception {
        long v = board.info().firmwareVersion();
        board.faults().arm("uart-corrupt 700 rx");
        FlowReport r = board.runUpdate(board.materials().signed(v + 1), UpdateInputs.Expectation.ACCEPTED, true,
                UpdateInputs.testAppXmodem());
        VirtualBoardFaults.Fault fault = struck(board, "uart-corrupt");
        board.faults().clear();
        Allure.addAttachment("what happened", "text/plain", "fault: " + fault + "\nupdate: "
                + (r.passed() ? "passed" : "failed at " + r.failedStep().map(StepResult::name).orElse("?"))
                + "\nXMODEM: " + r.results().get("xmodem"), "txt");
        FlowVerdicts.assertPassed(r);
        @SuppressWarnings("unchecked")
        var xmodem = (java.util.Map<String, Object>) r.results().get("xmodem");
        assertThat(((Number) xmodem.get("naks")).intValue()).as("NAKed blocks the sender resent").isPositive();
        assertThat(r.results()).containsEntry("stateConfirmed", "CONFIRMED");
    }

    @Test
    @DisplayName("OpenOCD killed in the middle of programming: an infrastructure error, and the board still boots")
    void openOcdKilledWhileProgramming(BoardUnderTest board) throws Exception {
        long v = board.info().firmwareVersion();
        var ocd = board.session().openocd();
        long pid = ocd.pid();
        Path junk = Files.write(board.runDirectory().resolve("junk.bin"), new byte[64 * 1024]);
        long update = board.materials().layout().update().address();
        board.session().chip().erase(update, Files.size(junk));
        Exception seen = null;
        try {
            board.session().chip().program(junk, update, (op, done, total) -> ProcessHandle.of(pid)
                    .ifPresent(ProcessHandle::destroyForcibly));
        } catch (OpenOcdException e) {
            seen = e;
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .as("the fault struck: OpenOCD pid " + pid + " is gone").isFalse();
        if (seen == null) {
            throw new InfrastructureFailure("OpenOCD was killed but programming reported no error");
        }
        ocd.restart();
        board.session().console().discardPending();
        board.session().chip().reset(io.bootrig.rig.stm32h5.ResetMode.RUN);
        SystemInfo after = io.bootrig.rig.flow.TestAppSession.awaitBoot(board.session().console(), BOOT).info();
        Allure.addAttachment("what happened", "text/plain", "fault: OpenOCD (pid " + pid + ") killed after the first "
                + "programmed window\nrig: " + seen.getClass().getSimpleName() + ": " + seen.getMessage()
                + "\nafter restarting OpenOCD and a reset: v" + after.firmwareVersion() + " " + after.bootState(), "txt");
        assertThat(after.firmwareVersion()).isEqualTo(v);
    }

    private static FlowReport update(BoardUnderTest board, long version) throws Exception {
        return board.runUpdate(new UpdateInputs(board.materials().signed(version), board.materials().layout(),
                Optional.of(board.materials().keystore()), UpdateInputs.Expectation.ACCEPTED, true,
                UpdateInputs.impatientXmodem(), SHORT, SHORT));
    }

    /** The update must have failed, at {@code step}: a fault that broke nothing, or broke it elsewhere, is wrong. */
    private static StepResult failedAt(FlowReport r, String step) {
        StepResult failed = r.failedStep().orElseThrow(() -> new InfrastructureFailure(
                "the update passed although a fault was armed: the fault did not strike where expected"));
        assertThat(failed.name()).as("the step the fault broke").isEqualTo(step);
        return failed;
    }

    /** The fault of {@code kind} as the board reports it; one that never struck is an error, not a pass. */
    private static VirtualBoardFaults.Fault struck(BoardUnderTest board, String kind) throws Exception {
        List<VirtualBoardFaults.Fault> faults = board.faults().list();
        VirtualBoardFaults.Fault f = faults.stream().filter(x -> x.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new InfrastructureFailure("fault " + kind + " is not armed on " + board.board().name()));
        if (!f.triggered()) {
            throw new InfrastructureFailure("fault " + kind + " " + f.argument() + " was armed but never struck ("
                    + f.detail() + "): the scenario proved nothing");
        }
        return f;
    }

    private static void report(VirtualBoardFaults.Fault fault, StepResult failed, SystemInfo after) {
        Allure.addAttachment("what happened", "text/plain", "fault: " + fault.kind() + " " + fault.argument() + " ("
                + fault.detail() + ")\nthe rig saw: update failed at step '" + failed.name() + "' ("
                + failed.failure().map(Enum::name).orElse("?") + "): " + failed.summary()
                + "\nafter power-on: v" + after.firmwareVersion() + " " + after.bootState()
                + after.banksSwapped().map(s -> s ? ", banks swapped" : ", banks not swapped").orElse(""), "txt");
    }
}
