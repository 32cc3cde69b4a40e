package io.bootrig.rig.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bootrig.rig.xmodem.ExternalTools;
import io.bootrig.rig.xmodem.Socat;
import io.bootrig.rig.xmodem.TestAppReceiver;
import io.bootrig.rig.link.ByteLink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rig xmodem send/recv} on pseudo-terminals: lrzsz behind socat, or the scripted test application. */
class XmodemCommandsTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @BeforeAll
    static void tools() {
        ExternalTools.requireSocatAndLrzsz();
    }

    private Path file(String name, int length) throws Exception {
        byte[] b = new byte[length];
        new Random(length).nextBytes(b);
        return Files.write(dir.resolve(name), b);
    }

    @Test
    void sendToRxInOneKBlocksWithTheTimeline() throws Exception {
        Path fw = file("fw.bin", 3000);
        Rig r;
        try (Socat rx = Socat.exec(dir, "rx -c -b out.bin")) {
            r = Rig.run("xmodem", "send", "--port", rx.pty().toString(), fw.toString(), "--block", "1k", "--timeline");
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(rx.awaitExit(LIMIT)).as(rx.output()).isZero();
        }
        assertThat(r.out()).contains("block    1 #1   offset 0x000000 1024/1024")
                .contains("sent " + fw + ": 3000 bytes in 3 blocks (CRC-16) over " + dir.resolve("ttyX")
                        + " 115200 8N1");
        assertThat(r.err()).contains("rig: 100% (3000 of 3000 bytes)");
        byte[] out = Files.readAllBytes(dir.resolve("out.bin"));
        assertThat(Arrays.copyOf(out, 3000)).isEqualTo(Files.readAllBytes(fw));
    }

    @Test
    void receiveFromSx() throws Exception {
        Path fw = file("fw.bin", 5000);
        Path got = dir.resolve("got.bin");
        Rig r;
        try (Socat sx = Socat.exec(dir, "sx -k -b fw.bin")) {
            r = Rig.run("xmodem", "recv", "--port", sx.pty().toString(), got.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(sx.awaitExit(LIMIT)).as(sx.output()).isZero();
        }
        assertThat(r.out()).startsWith("received " + got + ": 5120 bytes in 5 blocks (CRC-16, padding included)");
        assertThat(Arrays.copyOf(Files.readAllBytes(got), 5000)).isEqualTo(Files.readAllBytes(fw));
    }

    @Test
    void theDuplicateBlockTrapIsARejectionWithItsDiagnosis() throws Exception {
        Path image = Files.write(dir.resolve("image.bin"), TestAppReceiver.image(3000, 256, 3));
        try (Socat pair = Socat.pair(dir);
                ByteLink boardEnd = pair.openOtherPty();
                TestAppReceiver board = TestAppReceiver.start(boardEnd,
                        TestAppReceiver.Script.normal(Duration.ofMillis(200)).losingAckOf(7))) {
            Rig r = Rig.run("xmodem", "send", "--port", pair.pty().toString(), image.toString(), "--block", "1k",
                    "--timeline");

            assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCode.REJECTED);
            assertThat(r.err()).contains("rig: xmodem send: block 7 (offset 0x300): duplicate-block trap");
            assertThat(r.out()).containsPattern("block    7 #7 .* acked never +tx 2 NAK 2");
            assertThat(board.crash()).isNull();
        }
    }

    @Test
    void aLinkLostMidTransferIsAnInfrastructureFailure() throws Exception {
        Path fw = file("fw.bin", 3000);
        Socat pair = Socat.pair(dir);
        try (ByteLink boardEnd = pair.openOtherPty()) {
            CompletableFuture<Rig> send = CompletableFuture.supplyAsync(
                    () -> Rig.run("xmodem", "send", "--port", pair.pty().toString(), fw.toString()));
            boardEnd.write(new byte[] {0x15});
            byte[] first = new byte[1];
            await().atMost(LIMIT).until(() -> boardEnd.read(first, 0, 1, Duration.ofMillis(100)) == 1);
            pair.close();

            Rig r = send.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.INFRASTRUCTURE);
            assertThat(r.err()).startsWith("rig: xmodem send: link lost: " + pair.pty());
        } finally {
            pair.close();
        }
    }

    @Test
    void aMissingPortIsAnInfrastructureFailure() throws Exception {
        Path fw = file("fw.bin", 10);
        Rig send = Rig.run("xmodem", "send", "--port", dir.resolve("nothing").toString(), fw.toString());
        assertThat(send.exit()).isEqualTo(ExitCode.INFRASTRUCTURE);
        assertThat(send.err()).isEqualTo("rig: " + dir.resolve("nothing") + " 115200 8N1: no such device"
                + System.lineSeparator());
        Rig recv = Rig.run("xmodem", "recv", "--port", dir.resolve("nothing").toString(), dir.resolve("x").toString());
        assertThat(recv.exit()).isEqualTo(ExitCode.INFRASTRUCTURE);
    }

    @Test
    void badUsageAndBadInputAreExitTwo() throws Exception {
        Path fw = file("fw.bin", 10);
        Path empty = Files.write(dir.resolve("empty.bin"), new byte[0]);
        String port = dir.resolve("nothing").toString();

        Rig block = Rig.run("xmodem", "send", "--port", port, fw.toString(), "--block", "2k");
        assertThat(block.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(block.err()).contains("'2k' is not a block size: use 128 or 1k");
        Rig missing = Rig.run("xmodem", "send", "--port", port, dir.resolve("none.bin").toString());
        assertThat(missing.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(missing.err()).contains("none.bin: no such file");
        Rig none = Rig.run("xmodem", "send", "--port", port, empty.toString());
        assertThat(none.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(none.err()).contains("empty");
        Rig noPort = Rig.run("xmodem", "send", fw.toString());
        assertThat(noPort.exit()).isEqualTo(ExitCode.BAD_INPUT);
        Rig noDir = Rig.run("xmodem", "recv", "--port", port, dir.resolve("no/such/dir/x.bin").toString());
        assertThat(noDir.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(noDir.err()).contains("no such directory");
        assertThat(Rig.run("xmodem").exit()).isEqualTo(ExitCode.BAD_INPUT);
    }
}
