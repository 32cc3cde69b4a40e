package io.bootrig.board.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import io.bootrig.board.LmsBoard;
import io.bootrig.board.XmodemSender;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Test applications built with NEVER_CONFIRMS=1 or CRASHES_AT_BOOT=1, installed as v2 over the fixture v1. */
class MisbehavingTestAppTest {
    private static final String CRASHED = "hard fault: crashed at boot (CRASHES_AT_BOOT=1)";

    @TempDir
    Path keys;

    @Test
    void anAppThatNeverConfirmsSaysSoButStaysTesting() throws Exception {
        byte[] v2 = SignedTestApps.signed(new TestAppBehaviour(true, false), 2, keys);
        try (LmsBoard board = LmsBoard.provisioned("image_v1_signed.bin")) {
            board.bootToPrompt();
            install(board, v2);

            assertThat(board.bootToPrompt()).contains("Version : 0x2\r\n").contains("Current firmware state: TESTING\r\n");
            assertThat(board.command("success")).isEqualTo("success\r\nupdate success confirmed.\r\n" + ExpectedConsole.PROMPT);
            assertThat(board.command("info")).contains("Current firmware state: TESTING\r\n");
            assertThat(board.bootToPrompt()).as("no rollback to v1 (ALLOW_DOWNGRADE=0)").contains("Version : 0x2\r\n")
                    .contains("Current firmware state: TESTING\r\n");
        }
    }

    @Test
    void anAppThatCrashesAtBootPrintsNothingAndStaysInItsFaultLoop() throws Exception {
        byte[] v2 = SignedTestApps.signed(new TestAppBehaviour(false, true), 2, keys);
        try (LmsBoard board = LmsBoard.provisioned("image_v1_signed.bin")) {
            board.bootToPrompt();
            install(board, v2);
            int mark = board.console().size();

            board.boot();

            board.awaitFirmware(activity -> activity.state().equals(CRASHED));
            assertThat(board.board().status().toJson()).contains(CRASHED);
            assertThat(board.board().soc().banksSwapped()).as("wolfBoot swapped v2 in").isTrue();
            assertThat(board.console().textSince(mark)).isEmpty();
            assertThat(board.board().leds().isOn(Led.RED)).isFalse();

            long boots = board.board().bootCount();
            board.boot();
            board.awaitFirmware(activity -> activity.state().equals(CRASHED) && board.board().bootCount() == boots + 1);
            assertThat(board.board().soc().banksSwapped()).as("no rollback: the crashing v2 boots again").isTrue();
            assertThat(board.console().textSince(mark)).isEmpty();
        }
    }

    /** Sends {@code image} with the app's {@code update}; the update is then pending. */
    private static void install(LmsBoard board, byte[] image) {
        int mark = board.console().size();
        board.console().send("update\r");
        board.console().awaitText(mark, "Waiting for XMODEM transfer...\r\n");
        new XmodemSender(board.console()).sendAll(image);
        assertThat(board.console().awaitText(mark, "Reboot to apply.\r\n")).contains("New firmware version: 0x2\r\n");
    }
}
