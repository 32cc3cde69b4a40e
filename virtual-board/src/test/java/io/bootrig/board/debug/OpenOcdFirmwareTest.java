package io.bootrig.board.debug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bootrig.board.BoardProgrammer;
import io.bootrig.board.ConsoleKind;
import io.bootrig.board.TestFixtures;
import io.bootrig.board.VirtualBoard;
import io.bootrig.board.firmware.FirmwareActivity;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** With the real OpenOCD: after {@code reset halt} the firmware models stay idle until {@code resume} or {@code reset run}. */
class OpenOcdFirmwareTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void resetHaltHoldsTheFirmwareUntilResumeAndResetRunStartsIt() throws Exception {
        try (VirtualBoard board = VirtualBoard.builder().console(ConsoleKind.NONE).build()) {
            board.powerOff();
            new BoardProgrammer(board).enableTrustZone();
            board.powerOn();
            OpenOcd openOcd = OpenOcd.start(board.debugPort());
            try (TclRpc tcl = TclRpc.connect(openOcd)) {
                assertThat(tcl.call("reset halt").ok()).isTrue();
                assertThat(board.firmware()).isEqualTo(new FirmwareActivity("none", "halted before boot"));
                long boots = board.bootCount();

                new BoardProgrammer(board).programSecure(0x0C00_0000L,
                        TestFixtures.read(TestFixtures.virtualBoard("otp-primer-lms.bin")));
                assertThat(board.bootCount()).isEqualTo(boots);
                assertThat(board.soc().isOtpProgrammed(0)).as("the primer has not run").isFalse();

                assertThat(tcl.call("resume").ok()).isTrue();
                await().atMost(WAIT).until(() -> board.firmware().state().startsWith("done"));
                assertThat(board.soc().isOtpProgrammed(0)).isTrue();
                assertThat(board.bootCount()).isEqualTo(boots + 1);

                assertThat(tcl.call("reset halt").ok()).isTrue();
                assertThat(board.firmware()).isEqualTo(new FirmwareActivity("none", "halted before boot"));
                assertThat(tcl.call("reset run").ok()).isTrue();
                await().atMost(WAIT).until(() -> board.firmware().state().startsWith("hung: OTP read-back mismatch"));
                // OpenOCD 0.12's reset run clears C_HALT before SYSRESETREQ: the core runs an instant, then boots again
                assertThat(board.bootCount()).isGreaterThanOrEqualTo(boots + 2);
            } finally {
                openOcd.close();
            }
        }
    }

    @Test
    void withThePowerOffTheSystemBusAnswersWithErrorsAndAfterPowerOnAgain() throws Exception {
        try (VirtualBoard board = VirtualBoard.builder().console(ConsoleKind.NONE).build()) {
            OpenOcd openOcd = OpenOcd.start(board.debugPort());
            try (TclRpc tcl = TclRpc.connect(openOcd)) {
                assertThat(tcl.call("halt").ok()).isTrue();
                assertThat(tcl.capture("mdw 0x08FFF800")).contains("0x08fff800: ");

                board.powerOff();
                assertThat(tcl.call("mdw 0x08FFF800").ok()).isFalse();

                board.powerOn();
                assertThat(tcl.call("reset halt").ok()).isTrue();
                assertThat(tcl.capture("mdw 0x08FFF800")).contains("0x08fff800: ");
            } finally {
                openOcd.close();
            }
        }
    }
}
