package io.bootrig.rig.xmodem;

import static org.assertj.core.api.Assertions.assertThat;

import io.bootrig.rig.link.ByteLink;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Our sender against lrzsz's {@code rx} and lrzsz's {@code sx} against our receiver, through socat pseudo-terminals
 * opened with jSerialComm. Fails (does not skip) without socat and lrzsz.
 */
class LrzszTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @BeforeAll
    static void tools() {
        ExternalTools.requireSocatAndLrzsz();
    }

    private static byte[] random(int length, long seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static void assertArrived(byte[] out, byte[] file, int expectedLength) {
        assertThat(out).hasSize(expectedLength);
        assertThat(Arrays.copyOf(out, file.length)).isEqualTo(file);
        byte[] padding = new byte[expectedLength - file.length];
        Arrays.fill(padding, (byte) 0x1A);
        assertThat(Arrays.copyOfRange(out, file.length, out.length)).isEqualTo(padding);
    }

    @ParameterizedTest(name = "rx {0}, our {1} blocks: {2}, {3} packets")
    @CsvSource({
            "'',     B128, CHECKSUM, 40, B128",
            "'-c',   B128, CRC16,    40, B128",
            "'-c',   B1K,  CRC16,     5, B1K",
            "'',     B1K,  CHECKSUM, 40, B128"})
    void ourSenderToRx(String rxFlags, BlockSize preferred, ErrorCheck check, int blocks, BlockSize used)
            throws Exception {
        byte[] file = random(5000, 5000);
        SendResult r;
        try (Socat rx = Socat.exec(dir, ("rx " + rxFlags + " -b out.bin").replace("  ", " "));
                ByteLink link = rx.openPty()) {
            r = new XmodemSender(link, SenderSettings.defaults().withBlockSize(preferred)).send(file);
            assertThat(rx.awaitExit(LIMIT)).as(rx.output()).isZero();
        }
        assertThat(r.check()).isEqualTo(check);
        assertThat(r.blocks()).isEqualTo(blocks);
        assertThat(r.timeline().blocks()).allSatisfy(b -> assertThat(b.size()).isEqualTo(used));
        assertArrived(Files.readAllBytes(dir.resolve("out.bin")), file, 5120);
    }

    @Test
    void ourSenderRetriesTheBlocksRxSpoilsOnPurpose() throws Exception {
        byte[] file = random(10_000, 10_000);
        SendResult r;
        try (Socat rx = Socat.exec(dir, "rx -c -b --errors 4000 out.bin");
                ByteLink link = rx.openPty()) {
            r = new XmodemSender(link, SenderSettings.defaults().withBlockSize(BlockSize.B1K)).send(file);
            assertThat(rx.awaitExit(LIMIT)).as(rx.output()).isZero();
        }
        assertThat(r.timeline().totalNaks()).isPositive();
        assertThat(r.timeline().blocks()).anySatisfy(b -> assertThat(b.transmissions()).isGreaterThan(1));
        // 9 blocks of 1K, then the last 784 bytes in a 1K block too
        assertArrived(Files.readAllBytes(dir.resolve("out.bin")), file, 10_240);
    }

    @ParameterizedTest(name = "sx {0} to our {1} receiver: {2} packets")
    @CsvSource({
            "'',   CRC16,    40",
            "'-k', CRC16,     5",
            "'',   CHECKSUM, 40"})
    void sxToOurReceiver(String sxFlags, ErrorCheck check, int blocks) throws Exception {
        byte[] file = random(5000, 5001);
        Files.write(dir.resolve("fw.bin"), file);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        ReceiveResult r;
        try (Socat sx = Socat.exec(dir, ("sx " + sxFlags + " -b fw.bin").replace("  ", " "))) {
            try (ByteLink link = sx.openPty()) {
                r = new XmodemReceiver(link, ReceiverSettings.defaults().withCheck(check)).receive(sink);
            }
            // the link is closed at once, as the CLI does: the last ACK must still reach sx
            assertThat(sx.awaitExit(LIMIT)).as(sx.output()).isZero();
        }
        assertThat(r.check()).isEqualTo(check);
        assertThat(r.blocks()).isEqualTo(blocks);
        assertArrived(sink.toByteArray(), file, 5120);
    }
}
