package io.bootrig.board.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bootrig.board.BoardProgrammer;
import io.bootrig.board.ConsoleKind;
import io.bootrig.board.LmsBoard;
import io.bootrig.board.SerialClient;
import io.bootrig.board.TestFixtures;
import io.bootrig.board.VirtualBoard;
import io.bootrig.board.bus.BusFault;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** wolfBoot's DUALBANK boot logic (wolfboot.md e.5) at the bus level, watched through the pty and the flash. */
class WolfBootModelTest {
    private static final long BOOT_END = LmsBoard.BOOT + LmsBoard.PARTITION_SIZE;
    private static final long UPDATE_END = LmsBoard.UPDATE + LmsBoard.PARTITION_SIZE;
    private static final byte[] PENDING_UPDATE_TRAILER = trailerQuadWord(0x70);

    @Test
    void v1BootsToTheTestApplicationWithItsBannerAndInfoByteForByte() throws Exception {
        try (LmsBoard board = LmsBoard.provisioned("image_v1_signed.bin")) {
            assertThat(board.bootToPrompt()).isEqualTo(ExpectedConsole.startV1Fresh());
            assertThat(board.board().firmware()).isEqualTo(new FirmwareActivity("test-app", "console"));
            assertThat(board.board().leds().isOn(Led.RED)).isTrue();
            assertThat(board.board().leds().isOn(Led.YELLOW)).isFalse();
            assertThat(board.board().soc().banksSwapped()).isFalse();
        }
    }

    @Test
    void aHigherVersionInUpdateIsTakenWithoutTriggerAndTheBanksSwap() throws Exception {
        try (LmsBoard board = LmsBoard.provisioned("image_v1_signed.bin")) {
            board.flashUpdate("image_v2_signed.bin");

            long boots = board.board().bootCount();
            String start = board.bootToPrompt();

            assertThat(start).startsWith(ExpectedConsole.banner(2)).contains(
                    "Flash banks are swapped.\r\nFirmware version : 0x2\r\nCurrent firmware state: NEW\r\n"
                            + "Backup firmware version : 0x1\r\nUpdate state: NEW\r\nUpdate image older than current.\r\n");
            assertThat(board.board().soc().banksSwapped()).isTrue();
            assertThat(board.board().soc().optionBytes().secureWatermarkEnd(1)).as("SECWM1 now the UPDATE bank").isEqualTo(0x7F);
            assertThat(board.board().soc().optionBytes().secureWatermarkEnd(2)).as("SECWM2 now wolfBoot only").isEqualTo(0x2F);
            byte[] wolfBoot = TestFixtures.read(TestFixtures.virtualBoard("wolfboot-lms.bin"));
            assertThat(board.board().soc().readFlashBank(2, 0, wolfBoot.length)).as("fork_bootloader's copy").isEqualTo(wolfBoot);
            assertThat(board.board().bootCount() - boots).as("the swap's reset makes it two boots").isEqualTo(2);
        }
    }

    @Test
    void aTriggeredUpdateBootsTestingStaysWithoutRollbackAndSuccessConfirmsIt() throws Exception {
        try (LmsBoard board = LmsBoard.provisioned("image_v1_signed.bin")) {
            board.flashUpdate("image_v2_signed.bin");
            new BoardProgrammer(board.board()).programSecure(UPDATE_END - 16, PENDING_UPDATE_TRAILER);

            assertThat(board.bootToPrompt()).startsWith(ExpectedConsole.banner(2))
                    .contains("Current firmware state: TESTING\r\nBackup firmware version : 0x1\r\n");
            assertThat(trailer(board, BOOT_END, 1)).as("TESTING in the other copy").isEqualTo(trailerQuadWord(0x10));
            assertThat(trailer(board, BOOT_END, 0)).as("UPDATING's copy erased").isEqualTo(erased(16));

            assertThat(board.bootToPrompt()).as("no rollback to v1 while unconfirmed")
                    .startsWith(ExpectedConsole.banner(2)).contains("Current firmware state: TESTING\r\n");

            assertThat(board.command("success")).isEqualTo("success\r\nupdate success confirmed.\r\n" + ExpectedConsole.PROMPT);
            assertThat(trailer(board, BOOT_END, 0)).as("SUCCESS in the other copy again").isEqualTo(trailerQuadWord(0x00));
            assertThat(trailer(board, BOOT_END, 1)).as("TESTING's copy erased").isEqualTo(erased(16));
            assertThat(board.bootToPrompt()).startsWith(ExpectedConsole.banner(2))
                    .contains("Current firmware state: CONFIRMED\r\n");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"image_v2_bad_signature_signed.bin", "image_v2_unknown_key_signed.bin",
        "image_v2_key1_id4_signed.bin"})
    void anUpdateThatFailsVerificationIsErasedAndV1Boots(String update) throws Exception {
        try (LmsBoard board = LmsBoard.provisioned("image_v1_signed.bin")) {
            board.flashUpdate(update);
            new BoardProgrammer(board.board()).programSecure(UPDATE_END - 16, PENDING_UPDATE_TRAILER);

            assertThat(board.bootToPrompt()).isEqualTo(ExpectedConsole.startV1Fresh());
            assertThat(board.readFlash(LmsBoard.UPDATE, 16)).isEqualTo(erased(16));
            assertThat(board.readFlash(UPDATE_END - 16, 16)).isEqualTo(erased(16));
            assertThat(board.board().soc().banksSwapped()).isFalse();
        }
    }

    @Test
    void withBothImagesInvalidWolfBootPanicsSilently() throws Exception {
        try (LmsBoard board = LmsBoard.provisioned("image_v2_bad_signature_signed.bin")) {
            board.flashUpdate("image_v2_unknown_key_signed.bin");
            int mark = board.console().size();

            board.boot();

            assertThat(board.awaitFirmware(a -> a.state().startsWith("panic")).model()).isEqualTo("wolfboot");
            assertThat(board.console().textSince(mark)).isEmpty();
            assertThat(board.board().leds().snapshot()).doesNotContainValue(true);
            assertThat(board.readFlash(LmsBoard.BOOT, 16)).as("BOOT failed first, with a fallback").isEqualTo(erased(16));
            assertThat(board.readFlash(LmsBoard.UPDATE, 4)).as("UPDATE failed with none").isEqualTo("WOLF".getBytes());
        }
    }

    @Test
    void aRejectedBootImageWithNothingElsePanicsAndIsKept() throws Exception {
        try (LmsBoard board = LmsBoard.provisioned("image_v2_key1_id4_signed.bin")) {
            int mark = board.console().size();
            board.boot();

            assertThat(board.awaitFirmware(a -> a.state().startsWith("panic")).state()).contains("no other image");
            assertThat(board.console().textSince(mark)).isEmpty();
            assertThat(board.readFlash(LmsBoard.BOOT, 4)).isEqualTo("WOLF".getBytes());
        }
    }

    @Test
    void withBootLeftSecureByTheWatermarksWolfBootFaultsOnItsNonSecureAlias() throws Exception {
        try (VirtualBoard bare = VirtualBoard.builder()
                .console(ConsoleKind.NONE).build()) {
            BoardProgrammer programmer = new BoardProgrammer(bare);
            bare.powerOff();
            programmer.enableTrustZone();
            programmer.programOtp(TestFixtures.read(TestFixtures.lmsVector("otp.bin")));
            programmer.programSecure(0x0C00_0000L, TestFixtures.read(TestFixtures.virtualBoard("wolfboot-lms.bin")));
            programmer.programSecure(0x0C06_0000L, TestFixtures.read(TestFixtures.virtualBoard("image_v1_signed.bin")));
            bare.powerOn();

            await().atMost(SerialClient.WAIT)
                    .until(() -> bare.firmware().state().startsWith("hard fault"));
            assertThat(bare.firmware().model()).isEqualTo("wolfboot");
            assertThat(bare.firmware().state()).contains("0x08060000").contains("is secure");
        }
    }

    @Test
    void noImageAtAllIsAPanic() throws Exception {
        try (LmsBoard board = LmsBoard.provisioned(null)) {
            board.boot();

            assertThat(board.awaitFirmware(a -> a.state().startsWith("panic")).state())
                    .isEqualTo("panic: no image in BOOT nor UPDATE");
        }
    }

    @Test
    void aValidImageWhosePayloadIsNoApplicationRunsNothing() throws Exception {
        try (LmsBoard board = LmsBoard.provisioned(null)) {
            new BoardProgrammer(board.board()).programNonSecure(LmsBoard.BOOT,
                    TestFixtures.read(TestFixtures.lmsVector("key0_v1_signed.bin")));
            int mark = board.console().size();
            board.boot();

            assertThat(board.awaitFirmware(a -> a.state().startsWith("no known application")))
                    .isEqualTo(new FirmwareActivity("none", "no known application at 0x08062000"));
            assertThat(board.console().textSince(mark)).isEmpty();
        }
    }

    @Test
    void withoutAKeystoreInOtpNothingVerifies() throws Exception {
        try (VirtualBoard bare = VirtualBoard.builder()
                .console(ConsoleKind.NONE).build()) {
            BoardProgrammer programmer = new BoardProgrammer(bare);
            bare.powerOff();
            programmer.enableTrustZone();
            programmer.secureWatermarks(BoardProgrammer.WOLFBOOT_LAST_SECTOR, BoardProgrammer.LAST_SECTOR);
            programmer.programSecure(0x0C00_0000L, TestFixtures.read(TestFixtures.virtualBoard("wolfboot-lms.bin")));
            programmer.programNonSecure(LmsBoard.BOOT, TestFixtures.read(TestFixtures.virtualBoard("image_v1_signed.bin")));
            bare.powerOn();

            await().atMost(SerialClient.WAIT)
                    .until(() -> bare.firmware().state().startsWith("panic"));
            assertThat(bare.firmware().state()).contains("BOOT rejected").contains("no key");
        }
    }

    private static byte[] trailer(LmsBoard board, long end, int copy) throws BusFault {
        return board.readFlash(end - (long) copy * LmsBoard.SECTOR - 16, 16);
    }

    /** The last quad-word of a trailer copy: 0xFF, the state byte, "BOOT". */
    private static byte[] trailerQuadWord(int state) {
        byte[] quad = erased(16);
        quad[11] = (byte) state;
        System.arraycopy("BOOT".getBytes(), 0, quad, 12, 4);
        return quad;
    }

    private static byte[] erased(int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) 0xFF);
        return bytes;
    }
}
