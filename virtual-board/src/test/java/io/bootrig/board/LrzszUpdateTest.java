package io.bootrig.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.bootrig.board.uart.LineSpeed;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test application's {@code update} fed by lrzsz's {@code sx} through socat on the console's
 * pty, as a person would do it by hand: checksum mode, 128-byte blocks, started by the app's NAK.
 */
class LrzszUpdateTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration TRANSFER_LIMIT = Duration.ofSeconds(90);
    private static final Duration XMODEM_TIMEOUT = Duration.ofSeconds(1);

    @TempDir
    Path temp;

    @Test
    void sxSendsTheSignedV2ImageAndTheUpdateIsAppliedAndConfirmed() throws Exception {
        ExternalTools.require(List.of("socat", "sx"), "apt-get install -y lrzsz socat");
        Path image = TestFixtures.virtualBoard("image_v2_signed.bin").toAbsolutePath();
        try (VirtualBoard board = VirtualBoard.builder().lineSpeed(LineSpeed.UNPACED).xmodemTimeout(XMODEM_TIMEOUT).build()) {
            BoardProgrammer.provisionLms(board, TestFixtures.read(TestFixtures.virtualBoard("image_v1_signed.bin")));
            try (PolledTerminal console = new PolledTerminal(board.consoleAddress())) {
                board.powerOn();
                assertThat(console.awaitText(0, "cmd> ", WAIT)).contains("Version : 0x1\r\n");
                int mark = console.size();
                console.send("update\r");
                console.awaitText(mark, "Waiting for XMODEM transfer...\r\n", WAIT);

                Path lineToSx = temp.resolve("pty-to-sx.bin");
                String sxOutput = runSx(board.consoleAddress(), image, lineToSx);
                console.readElsewhere(Files.readAllBytes(lineToSx));

                assertThat(console.awaitText(mark, "Update written successfully. Reboot to apply.\r\n", WAIT))
                        .as("sx said: %s", sxOutput).contains("Transfer succeeded\r\nNew firmware version: 0x2\r\n");
                mark = console.size();
                console.send("reboot\r");
                assertThat(console.awaitText(mark, "cmd> ", WAIT)).contains("Version : 0x2\r\n")
                        .contains("Current firmware state: TESTING\r\n");
                mark = console.size();
                console.send("success\r");
                console.awaitText(mark, "update success confirmed.\r\n", WAIT);
                mark = console.size();
                console.send("info\r");
                assertThat(console.awaitText(mark, "cmd> ", WAIT)).contains("Current firmware state: CONFIRMED\r\n");
            }
        }
    }

    /**
     * socat joins the pty to sx's stdin/stdout and dumps what it read from the pty into
     * {@code lineToSx}: that includes the app's output after the final ACK, which socat reads but
     * can no longer hand to the exiting sx. Returns what socat and sx printed.
     */
    private static String runSx(String ptySlave, Path image, Path lineToSx) throws Exception {
        Process process = new ProcessBuilder("socat", "-r", lineToSx.toString(), ptySlave + ",raw,echo=0",
                "EXEC:sx -b " + image)
                .redirectErrorStream(true).start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(process.getInputStream(), output), "socat-output");
        reader.start();
        try {
            boolean ended = process.waitFor(TRANSFER_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            reader.join(WAIT.toMillis());
            String text = text(output);
            assertThat(ended).as("socat/sx still running after %s: %s", TRANSFER_LIMIT, text).isTrue();
            // socat itself exits 1: the app's output after the final ACK meets sx's closed pipe
            assertThat(text).contains("Transfer complete");
            return text;
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            byte[] buffer = new byte[1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (out) {
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(ByteArrayOutputStream output) {
        synchronized (output) {
            return output.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
