package io.bootrig.board.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import io.bootrig.board.LmsBoard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The test application's console (wolfboot.md f.1–f.3, f.6) on a board running v1. */
class TestApplicationModelTest {
    private static final String HELP = "help : shows this help message\r\n"
            + "info : display information about the system and partitions\r\n"
            + "success : confirm a successful update\r\n"
            + "pkcs11 : enable and test crypto calls with PKCS11 in secure mode\r\n"
            + "random : generate a random number\r\n"
            + "timestamp : print the current systick/timestamp\r\n"
            + "benchmark : run the wolfCrypt benchmark\r\n"
            + "test : run the wolfCrypt test\r\n"
            + "update : update the firmware via XMODEM\r\n"
            + "reboot : reboot the system\r\n";

    private static LmsBoard board;

    @BeforeAll
    static void bootV1() throws Exception {
        board = LmsBoard.provisioned("image_v1_signed.bin");
        board.bootToPrompt();
    }

    @AfterAll
    static void close() throws Exception {
        board.close();
    }

    @Test
    void helpListsTheCommandsInTableOrder() {
        assertThat(board.command("help")).isEqualTo("help\r\n" + HELP + ExpectedConsole.PROMPT);
    }

    @Test
    void commandsMatchByPrefixInTableOrder() {
        assertThat(board.command("helpme please")).isEqualTo("helpme please\r\n" + HELP + ExpectedConsole.PROMPT);
        assertThat(board.command("infox")).isEqualTo("infox\r\n" + ExpectedConsole.INFO_V1_FRESH + ExpectedConsole.PROMPT);
        assertThat(board.command("inf")).isEqualTo("inf\r\nUnknown command: inf\r\n" + ExpectedConsole.PROMPT);
        assertThat(board.command("tes")).isEqualTo("tes\r\nUnknown command: tes\r\n" + ExpectedConsole.PROMPT);
    }

    @Test
    void backspaceErasesAndOtherControlBytesAreIgnored() {
        assertThat(board.command("infx\bo\n\u007f")).isEqualTo("infx\b \bo\r\n" + ExpectedConsole.INFO_V1_FRESH
                + ExpectedConsole.PROMPT);
        assertThat(board.command("\b")).as("backspace on an empty line").isEqualTo("\r\n" + ExpectedConsole.PROMPT);
    }

    @Test
    void anEmptyLineJustPromptsAgain() {
        assertThat(board.command("")).isEqualTo("\r\n" + ExpectedConsole.PROMPT);
    }

    @Test
    void randomAndTimestampPrintPlausibleValues() {
        assertThat(board.command("random")).matches("random\r\nToday's lucky number: 0x[0-9A-F]{8}\r\n"
                + "Brought to you by wolfCrypt's DRBG fed by HW TRNG in Secure world\r\n\r\ncmd> ");
        assertThat(board.command("timestamp")).matches("timestamp\r\nCurrent timestamp: \\d+\\.\\d{3}\r\n"
                + "Current systick: \\d+\r\nVTOR: 0x08062000\r\n\r\ncmd> ");
    }

    @Test
    void benchmarkTestAndPkcs11PrintWolfCryptStyleTextAndReturnToThePrompt() {
        assertThat(board.command("benchmark")).startsWith("benchmark\r\n" + "-".repeat(78) + "\r\n wolfSSL version ")
                .contains("wolfCrypt Benchmark (block bytes 1024, min 1.0 sec each)\r\n")
                .containsPattern("SHA-256 +\\d+ MiB took \\d\\.\\d{3} seconds, +\\d+\\.\\d{3} MiB/s\r\n")
                .endsWith("Benchmark complete\r\n" + ExpectedConsole.PROMPT);
        assertThat(board.command("test")).startsWith("test\r\n").contains("SHA-256  test passed!\r\n")
                .contains("ECC      test passed!\r\n").endsWith("Test complete\r\n" + ExpectedConsole.PROMPT);
        assertThat(board.command("pkcs11")).startsWith("pkcs11\r\nPKCS11 test in secure mode\r\n")
                .contains("C_Sign (ECDSA, SHA-256 digest): OK").contains("C_Verify: OK\r\n")
                .endsWith("PKCS11 test: SUCCESS\r\n" + ExpectedConsole.PROMPT);
    }

    @Test
    void theGreenLedGoesOffOnceTheReceiveBufferIsConsumed() {
        board.command("help");

        assertThat(board.board().leds().isOn(Led.GREEN)).isFalse();
        assertThat(board.board().leds().isOn(Led.RED)).isTrue();
    }

    @Test
    void rebootStartsAgainFromTheBanner() {
        int mark = board.console().size();
        board.console().send("reboot\r");

        assertThat(board.console().awaitText(mark, "cmd> ")).isEqualTo("reboot\r\n" + ExpectedConsole.startV1Fresh());
    }
}
