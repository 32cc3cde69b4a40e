package io.bootrig.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Faults that count host bytes or flash operations, and host bytes lost at random. */
class CountedFaultsTest {
    private static final byte[] V2 = TestFixtures.read(TestFixtures.virtualBoard("image_v2_signed.bin"));

    @Test
    void aPowerCutAfterNBytesStrikesRightAfterTheNthByte() throws Exception {
        try (LmsBoard board = LmsBoard.provisioned("image_v1_signed.bin")) {
            board.bootToPrompt();
            board.board().faults().arm(FaultKind.POWER_CUT_AFTER_BYTES, List.of("3"));
            int mark = board.console().size();

            board.console().send("he");
            board.console().awaitText(mark, "he");
            assertThat(board.board().powered()).isTrue();
            assertThat(board.board().faults().list()).containsExactly(new FaultStatus(FaultKind.POWER_CUT_AFTER_BYTES, "3",
                    false, "waits for byte 3 from the host; 2 received so far"));
            board.console().send("l");

            await().atMost(SerialClient.WAIT).until(() -> !board.board().powered());
            assertThat(board.board().faults().list()).containsExactly(new FaultStatus(FaultKind.POWER_CUT_AFTER_BYTES, "3",
                    true, "power cut after byte 3 from the host"));
            assertThat(board.board().status().toJson()).contains("\"state\":\"triggered\"");
        }
    }

    @Test
    void aPowerCutAfterNFlashOperationsStopsTheUpdateErase() throws Exception {
        try (LmsBoard board = LmsBoard.provisioned("image_v1_signed.bin")) {
            board.flashUpdate("image_v2_signed.bin");
            board.bootToPrompt();
            board.board().faults().arm(FaultKind.POWER_CUT_AFTER_FLASH_OPS, List.of("1"));
            int mark = board.console().size();

            board.console().send("update\r");

            await().atMost(SerialClient.WAIT).until(() -> !board.board().powered());
            assertThat(board.console().textSince(mark)).endsWith("Erasing update partition...");
            assertThat(board.board().faults().list()).containsExactly(new FaultStatus(FaultKind.POWER_CUT_AFTER_FLASH_OPS,
                    "1", true, "power cut after flash operation 1"));
            assertThat(board.readFlash(LmsBoard.UPDATE, LmsBoard.SECTOR)).as("the first sector erased").containsOnly((byte) 0xFF);
            assertThat(board.readFlash(LmsBoard.UPDATE + LmsBoard.SECTOR, V2.length - LmsBoard.SECTOR))
                    .as("the second sector not").isEqualTo(Arrays.copyOfRange(V2, LmsBoard.SECTOR, V2.length));
        }
    }

    @Test
    void uartDropLosesTheBytesItsSeedPicks() throws Exception {
        try (LmsBoard board = LmsBoard.provisioned("image_v1_signed.bin")) {
            board.bootToPrompt();
            board.board().faults().arm(FaultKind.UART_DROP, List.of("0.5", "42"));
            int mark = board.console().size();
            String typed = "abcdefghijklmnopqrstuvwxyz";

            board.console().send(typed);
            String survivors = survivors(typed, 0.5, 42);
            board.console().awaitText(mark, survivors);

            FaultStatus fault = board.board().faults().list().get(0);
            assertThat(fault.triggered()).isTrue();
            assertThat(fault.detail()).isEqualTo("host bytes lost with probability 0.5, seed 42; "
                    + (typed.length() - survivors.length()) + " byte(s) lost so far");
            assertThat(board.board().status().toJson()).contains("\"kind\":\"uart-drop\"").contains("\"state\":\"triggered\"");
            board.board().faults().clear();
            assertThat(board.command("")).as("only the seed's survivors reached the app")
                    .isEqualTo("\r\nUnknown command: " + survivors + "\r\n\r\ncmd> ");
        }
    }

    @Test
    void countedFaultsThatNeverStruckStayArmed() throws Exception {
        try (LmsBoard board = LmsBoard.provisioned("image_v1_signed.bin")) {
            board.bootToPrompt();
            board.board().faults().arm(FaultKind.POWER_CUT_AFTER_BYTES, List.of("1000"));
            board.board().faults().arm(FaultKind.POWER_CUT_AFTER_FLASH_OPS, List.of("1000000"));
            board.board().faults().arm(FaultKind.UART_DROP, List.of("0", "7"));

            assertThat(board.command("help")).startsWith("help\r\nhelp : ");
            assertThat(board.command("info")).contains("Current firmware state: ");

            assertThat(board.board().powered()).isTrue();
            assertThat(board.board().faults().list()).extracting(FaultStatus::triggered).containsExactly(false, false, false);
            assertThat(board.board().faults().list().get(0).detail()).isEqualTo("waits for byte 1000 from the host; 10 received so far");
            assertThat(board.board().status().toJson()).doesNotContain("\"state\":\"triggered\"");
            board.board().faults().clear();
            assertThat(board.board().faults().list()).isEmpty();
        }
    }

    /** The bytes a java.util.Random with this seed lets through, one draw per byte as the line does. */
    private static String survivors(String typed, double rate, long seed) {
        Random random = new Random(seed);
        StringBuilder kept = new StringBuilder();
        for (char c : typed.toCharArray()) {
            if (random.nextDouble() >= rate) {
                kept.append(c);
            }
        }
        return kept.toString();
    }
}
