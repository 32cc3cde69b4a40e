package io.bootrig.board;

import static io.bootrig.board.XmodemSender.ACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Faults armed through the board's injector strike where the models reach them, or are reported as never struck. */
class FaultInjectionTest {
    private static final Duration CALM = Duration.ofMillis(500);
    private static final byte[] V2 = TestFixtures.read(TestFixtures.virtualBoard("image_v2_signed.bin"));
    private static final String V1_FRESH_INFO_END = "No image in update partition.\r\n";

    @Test
    void aPowerCutAtAnXmodemBlockLeavesAPartialUpdateThatWolfBootErases() throws Exception {
        try (LmsBoard board = LmsBoard.provisioned("image_v1_signed.bin", CALM)) {
            board.board().faults().arm(FaultKind.POWER_CUT_AT_BLOCK, List.of("10"));
            board.bootToPrompt();
            startUpdate(board);
            XmodemSender sender = new XmodemSender(board.console());
            List<byte[]> blocks = XmodemSender.blocks(V2);
            sender.awaitNak();
            for (int i = 0; i < 9; i++) {
                assertThat(sender.sendPacket(i + 1, blocks.get(i))).isEqualTo(ACK);
            }

            board.console().send(XmodemSender.packet(10, blocks.get(9)));

            await().atMost(SerialClient.WAIT).until(() -> !board.board().powered());
            assertThat(board.board().faults().list()).containsExactly(new FaultStatus(FaultKind.POWER_CUT_AT_BLOCK, "10",
                    true, "power cut at XMODEM block 10"));
            assertThat(board.readFlash(LmsBoard.UPDATE, 9 * 128)).isEqualTo(Arrays.copyOf(V2, 9 * 128));
            assertThat(board.readFlash(LmsBoard.UPDATE + 9 * 128, 128)).containsOnly((byte) 0xFF);
            assertThat(board.board().leds().snapshot()).doesNotContainValue(true);

            assertThat(board.bootToPrompt()).startsWith("========================\r\n").contains("Version : 0x1\r\n")
                    .contains(V1_FRESH_INFO_END);
            assertThat(board.readFlash(LmsBoard.UPDATE, 16)).as("the partial image erased").containsOnly((byte) 0xFF);
        }
    }

    @Test
    void aPowerCutRightAfterUpdateTriggerStillAppliesTheUpdateAtPowerOn() throws Exception {
        try (LmsBoard board = LmsBoard.provisioned("image_v1_signed.bin", CALM)) {
            board.board().faults().arm(FaultKind.POWER_CUT_AFTER_TRIGGER, List.of());
            board.bootToPrompt();
            int mark = startUpdate(board);

            new XmodemSender(board.console()).sendAll(V2);

            await().atMost(SerialClient.WAIT).until(() -> !board.board().powered());
            assertThat(board.console().textSince(mark)).endsWith("Triggering update...\r\n");
            assertThat(board.board().faults().list().get(0).triggered()).isTrue();
            assertThat(board.bootToPrompt()).contains("Version : 0x2\r\n").contains("Current firmware state: TESTING\r\n");
        }
    }

    @Test
    void aPowerCutAfterTheSwapIsCommittedBootsTheNewBankAtPowerOn() throws Exception {
        try (LmsBoard board = LmsBoard.provisioned("image_v1_signed.bin")) {
            board.flashUpdate("image_v2_signed.bin");
            board.board().faults().arm(FaultKind.POWER_CUT_DURING_SWAP, List.of("committed"));

            board.boot();

            await().atMost(SerialClient.WAIT).until(() -> !board.board().powered());
            assertThat(board.board().soc().optionBytes().swapBank()).as("SWAP_BANK stored").isTrue();
            assertThat(board.board().soc().banksSwapped()).as("not latched before a reset").isFalse();
            assertThat(board.bootToPrompt()).contains("Version : 0x2\r\n").contains("Flash banks are swapped.\r\n");
        }
    }

    @Test
    void aPowerCutBeforeTheSwapIsCommittedLeavesTheBanksAndWolfBootSwapsAgain() throws Exception {
        try (LmsBoard board = LmsBoard.provisioned("image_v1_signed.bin")) {
            board.flashUpdate("image_v2_signed.bin");
            board.board().faults().arm(FaultKind.POWER_CUT_DURING_SWAP, List.of("staged"));

            board.boot();

            await().atMost(SerialClient.WAIT).until(() -> !board.board().powered());
            assertThat(board.board().soc().optionBytes().swapBank()).isFalse();
            assertThat(board.board().faults().list().get(0).detail()).isEqualTo("power cut at the bank swap, before OPTSTRT");
            assertThat(board.bootToPrompt()).contains("Version : 0x2\r\n").contains("Flash banks are swapped.\r\n");
        }
    }

    @Test
    void aFaultThatNeverStruckIsReportedArmed() throws Exception {
        try (LmsBoard board = LmsBoard.provisioned("image_v1_signed.bin", CALM)) {
            board.board().faults().arm(FaultKind.POWER_CUT_AT_BLOCK, List.of("1000"));
            board.bootToPrompt();
            int mark = startUpdate(board);

            new XmodemSender(board.console()).sendAll(V2);

            board.console().awaitText(mark, "Reboot to apply.\r\n");
            assertThat(board.board().powered()).isTrue();
            assertThat(board.board().faults().list()).containsExactly(new FaultStatus(FaultKind.POWER_CUT_AT_BLOCK, "1000",
                    false, "waits for XMODEM block 1000 of an update"));
            assertThat(board.board().status().toJson()).contains("\"state\":\"armed\"");
            board.board().faults().clear();
            assertThat(board.board().faults().list()).isEmpty();
        }
    }

    @Test
    void uartCorruptionGarblesHostBytesAndXmodemRecoversByResending() throws Exception {
        try (LmsBoard board = LmsBoard.provisioned("image_v1_signed.bin", CALM)) {
            board.bootToPrompt();
            int mark = startUpdate(board);
            board.board().faults().arm(FaultKind.UART_CORRUPT, List.of("500", "rx"));

            int resends = new XmodemSender(board.console()).sendAllResending(V2);

            board.console().awaitText(mark, "Reboot to apply.\r\n");
            assertThat(resends).isPositive();
            FaultStatus fault = board.board().faults().list().get(0);
            assertThat(fault.triggered()).isTrue();
            assertThat(fault.detail()).startsWith("every 500 bytes, rx; ");
            assertThat(board.readFlash(LmsBoard.UPDATE, V2.length)).isEqualTo(V2);
        }
    }

    private static int startUpdate(LmsBoard board) {
        int mark = board.console().size();
        board.console().send("update\r");
        board.console().awaitText(mark, "Waiting for XMODEM transfer...\r\n");
        return mark;
    }
}
