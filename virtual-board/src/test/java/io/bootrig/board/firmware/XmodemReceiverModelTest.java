package io.bootrig.board.firmware;

import static io.bootrig.board.XmodemSender.ACK;
import static io.bootrig.board.XmodemSender.CAN;
import static io.bootrig.board.XmodemSender.EOT;
import static io.bootrig.board.XmodemSender.NAK;
import static org.assertj.core.api.Assertions.assertThat;

import io.bootrig.board.LmsBoard;
import io.bootrig.board.TestFixtures;
import io.bootrig.board.XmodemSender;
import io.bootrig.board.bus.BusAccess;
import io.bootrig.board.soc.FlashRegisters;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test application's `update` command and its XMODEM receiver (wolfboot.md f.4, f.5) through the pty. */
class XmodemReceiverModelTest {
    /**
     * The XMODEM timeout: long enough that a scripted sender never meets an idle NAK it did not
     * wait for (a sender that takes such a NAK for a rejection resends, and the receiver NAKs the
     * duplicate forever).
     */
    private static final Duration CALM = Duration.ofMillis(500);
    private static final byte[] V2 = TestFixtures.read(TestFixtures.virtualBoard("image_v2_signed.bin"));
    private static final String TAIL_OK = "\r".repeat(10) + "End of transfer. ret: 0\r\nTransfer succeeded\r\n"
            + "New firmware version: 0x2\r\nTriggering update...\r\nUpdate written successfully. Reboot to apply.\r\n"
            + ExpectedConsole.PROMPT;

    @Test
    void aNormalTransferWritesTheImageTriggersTheUpdateAndRebootAppliesIt() throws Exception {
        try (LmsBoard board = LmsBoard.provisioned("image_v1_signed.bin", CALM)) {
            board.bootToPrompt();
            int mark = startUpdate(board);

            new XmodemSender(board.console()).sendAll(V2);

            assertThat(board.console().awaitText(mark, "cmd> ")).isEqualTo("update\r\nErasing update partition...Done.\r\n"
                    + "Waiting for XMODEM transfer...\r\n" + replies(V2) + TAIL_OK);
            byte[] padded = Arrays.copyOf(V2, XmodemSender.blocks(V2).size() * 128);
            Arrays.fill(padded, V2.length, padded.length, (byte) XmodemSender.PAD);
            assertThat(board.readFlash(LmsBoard.UPDATE, padded.length)).isEqualTo(padded);
            assertThat(board.readFlash(LmsBoard.UPDATE + LmsBoard.PARTITION_SIZE - LmsBoard.SECTOR - 5, 5))
                    .as("UPDATING + BOOT in the second trailer copy").isEqualTo(new byte[] {0x70, 'B', 'O', 'O', 'T'});
            assertThat(board.board().leds().isOn(Led.YELLOW)).as("on after EOT").isTrue();

            assertThat(board.command("info")).contains("Candidate firmware version : 0x2\r\nUpdate state: UPDATING\r\n"
                    + "'reboot' to initiate update.\r\n");
            int rebootMark = board.console().size();
            board.console().send("reboot\r");
            assertThat(board.console().awaitText(rebootMark, "cmd> ")).startsWith("reboot\r\n" + ExpectedConsole.banner(2))
                    .contains("Flash banks are swapped.\r\nFirmware version : 0x2\r\nCurrent firmware state: TESTING\r\n");
        }
    }

    @Test
    void aRepeatedBlockAfterALostAckIsNakedForever() throws Exception {
        try (LmsBoard board = LmsBoard.provisioned("image_v1_signed.bin", CALM)) {
            board.bootToPrompt();
            startUpdate(board);
            XmodemSender sender = new XmodemSender(board.console());
            List<byte[]> blocks = XmodemSender.blocks(V2);
            sender.awaitNak();

            assertThat(sender.sendPacket(1, blocks.get(0))).isEqualTo(ACK);
            for (int attempt = 0; attempt < 5; attempt++) {
                assertThat(sender.sendPacket(1, blocks.get(0))).as("block 1 again, attempt %d", attempt).isEqualTo(NAK);
            }
            assertThat(sender.sendPacket(2, blocks.get(1))).as("the receiver still waits for block 2").isEqualTo(ACK);
        }
    }

    @Test
    void aStalledPartialPacketIsDroppedAndTheNextIdlePeriodSolicitsAgain() throws Exception {
        try (LmsBoard board = LmsBoard.provisioned("image_v1_signed.bin", CALM)) {
            board.bootToPrompt();
            startUpdate(board);
            XmodemSender sender = new XmodemSender(board.console());
            byte[] first = XmodemSender.packet(1, XmodemSender.blocks(V2).get(0));
            sender.awaitNak();

            board.console().skipReceived();
            board.console().send(Arrays.copyOf(first, 50));
            sender.expect(NAK);
            assertThat(sender.send(first)).as("the 50 bytes before were discarded").isEqualTo(ACK);
            assertThat(board.readFlash(LmsBoard.UPDATE, 128)).isEqualTo(Arrays.copyOf(V2, 128));
        }
    }

    @Test
    void canIsNotHandledItStartsAPacketThatIsDropped() throws Exception {
        try (LmsBoard board = LmsBoard.provisioned("image_v1_signed.bin", CALM)) {
            board.bootToPrompt();
            startUpdate(board);
            XmodemSender sender = new XmodemSender(board.console());
            sender.awaitNak();

            assertThat(sender.send(new byte[] {CAN, CAN})).as("no abort: the next idle NAK").isEqualTo(NAK);
            assertThat(board.board().firmware().state()).startsWith("xmodem");
        }
    }

    @Test
    void aBadChecksumOrComplementIsNakedAndTheBlockCanBeResent() throws Exception {
        try (LmsBoard board = LmsBoard.provisioned("image_v1_signed.bin", CALM)) {
            board.bootToPrompt();
            startUpdate(board);
            XmodemSender sender = new XmodemSender(board.console());
            byte[] good = XmodemSender.packet(1, XmodemSender.blocks(V2).get(0));
            sender.awaitNak();

            byte[] badSum = good.clone();
            badSum[131] ^= 1;
            byte[] badComplement = good.clone();
            badComplement[2] ^= 1;
            assertThat(sender.send(badSum)).isEqualTo(NAK);
            assertThat(sender.send(badComplement)).isEqualTo(NAK);
            assertThat(sender.send(good)).isEqualTo(ACK);
        }
    }

    @Test
    void afterTheImageOnlyEotIsAcceptedAnythingElseFailsTheTransfer() throws Exception {
        try (LmsBoard board = LmsBoard.provisioned("image_v1_signed.bin", CALM)) {
            board.bootToPrompt();
            int mark = startUpdate(board);
            XmodemSender sender = new XmodemSender(board.console());
            List<byte[]> blocks = XmodemSender.blocks(V2);
            sender.awaitNak();
            for (int i = 0; i < blocks.size(); i++) {
                assertThat(sender.sendPacket(i + 1, blocks.get(i))).isEqualTo(ACK);
            }

            assertThat(sender.sendPacket(blocks.size() + 1, new byte[128])).isEqualTo(NAK);

            assertThat(board.console().awaitText(mark, "cmd> ")).endsWith("\r".repeat(10)
                    + "End of transfer. ret: 1\r\nTransfer failed\r\n" + ExpectedConsole.PROMPT);
            assertThat(board.readFlash(LmsBoard.UPDATE + LmsBoard.PARTITION_SIZE - LmsBoard.SECTOR - 4, 4))
                    .as("no update_trigger").containsOnly((byte) 0xFF);
        }
    }

    @Test
    void eotEndsTheTransferWheneverItStartsAPacket() throws Exception {
        try (LmsBoard board = LmsBoard.provisioned("image_v1_signed.bin", CALM)) {
            board.bootToPrompt();
            int mark = startUpdate(board);
            XmodemSender sender = new XmodemSender(board.console());
            sender.awaitNak();

            assertThat(sender.send(new byte[] {EOT})).isEqualTo(ACK);

            assertThat(board.console().awaitText(mark, "cmd> ")).endsWith("End of transfer. ret: 0\r\nTransfer succeeded\r\n"
                    + "No valid image in update partition\r\n" + ExpectedConsole.PROMPT);
        }
    }

    @Test
    void aFlashWriteErrorCancelsTheTransfer() throws Exception {
        try (LmsBoard board = LmsBoard.provisioned("image_v1_signed.bin", CALM)) {
            writeProtectTheFirstUpdateSectors(board);
            board.bootToPrompt();
            int mark = startUpdate(board);
            XmodemSender sender = new XmodemSender(board.console());
            sender.awaitNak();

            assertThat(sender.sendPacket(1, XmodemSender.blocks(V2).get(0))).isEqualTo(CAN);

            assertThat(board.console().awaitText(mark, "cmd> ")).endsWith(String.valueOf((char) CAN).repeat(10)
                    + "Error writing to flash\r\n" + "\r".repeat(10) + "End of transfer. ret: -1\r\nTransfer failed\r\n"
                    + ExpectedConsole.PROMPT);
        }
    }

    /** WRP2R bit 12 cleared: sectors 0x30..0x33 of bank 2, where UPDATE starts, write-protected. */
    private static void writeProtectTheFirstUpdateSectors(LmsBoard board) throws Exception {
        var soc = board.board().soc();
        BusAccess debug = BusAccess.debugNonSecure("test");
        soc.write(FlashRegisters.BASE_NS + FlashRegisters.OPTKEYR, 4, FlashRegisters.OPTKEY1, debug);
        soc.write(FlashRegisters.BASE_NS + FlashRegisters.OPTKEYR, 4, FlashRegisters.OPTKEY2, debug);
        soc.write(FlashRegisters.BASE_NS + FlashRegisters.WRP2R_PRG, 4, 0xFFFF_EFFFL, debug);
        soc.write(FlashRegisters.BASE_NS + FlashRegisters.OPTCR, 4, FlashRegisters.OPTCR_OPTSTRT, debug);
        soc.write(FlashRegisters.BASE_NS + FlashRegisters.OPTCR, 4, FlashRegisters.OPTCR_OPTLOCK, debug);
    }

    private static int startUpdate(LmsBoard board) {
        int mark = board.console().size();
        board.console().send("update\r");
        board.console().awaitText(mark, "Waiting for XMODEM transfer...\r\n");
        return mark;
    }

    /** What the receiver sends during a clean transfer: the first NAK, one ACK per block, the ACK of EOT. */
    private static String replies(byte[] image) {
        return (char) NAK + String.valueOf((char) ACK).repeat(XmodemSender.blocks(image).size() + 1);
    }
}
