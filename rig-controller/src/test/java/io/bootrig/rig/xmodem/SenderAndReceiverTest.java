package io.bootrig.rig.xmodem;

import static io.bootrig.rig.xmodem.SenderAgainstTestAppTest.catchXmodem;
import static org.assertj.core.api.Assertions.assertThat;

import io.bootrig.rig.xmodem.XmodemException.Failure;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Our sender and our receiver against each other in memory, and the receiver's own failure paths. */
class SenderAndReceiverTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);

    private final MemoryLink.Pair link = MemoryLink.pair("sender", "receiver");

    @AfterEach
    void close() {
        link.close();
    }

    private static byte[] random(int length, long seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Runs the receiver on its own thread. */
    private CompletableFuture<Object> receive(io.bootrig.rig.link.ByteLink end, ReceiverSettings settings,
            ByteArrayOutputStream sink) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new XmodemReceiver(end, settings).receive(sink);
            } catch (Exception e) {
                return e;
            }
        });
    }

    @ParameterizedTest(name = "{0} bytes, {1} receiver, {2} blocks: {3} packets")
    @CsvSource({
            "3000, CRC16, B1K, 3, 3072",
            "2100, CRC16, B1K, 3, 2176",
            "1280, CRC16, B128, 10, 1280",
            "1000, CHECKSUM, B1K, 8, 1024",
            "40960, CHECKSUM, B128, 320, 40960"})
    void aFileArrivesWholeWithItsPadding(int length, ErrorCheck check, BlockSize preferred, int blocks,
            int received) throws Exception {
        byte[] file = random(length, length);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        CompletableFuture<Object> rx = receive(link.right(), ReceiverSettings.defaults().withCheck(check), sink);

        SendResult sent = new XmodemSender(link.left(), SenderSettings.defaults().withBlockSize(preferred)).send(file);

        ReceiveResult got = (ReceiveResult) rx.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(sent.check()).isEqualTo(check);
        assertThat(sent.blocks()).isEqualTo(blocks);
        assertThat(got.blocks()).isEqualTo(blocks);
        assertThat(got.bytes()).isEqualTo(received);
        byte[] out = sink.toByteArray();
        assertThat(Arrays.copyOf(out, length)).isEqualTo(file);
        byte[] padding = new byte[received - length];
        Arrays.fill(padding, (byte) 0x1A);
        assertThat(Arrays.copyOfRange(out, length, out.length)).isEqualTo(padding);
        if (preferred == BlockSize.B1K && check == ErrorCheck.CRC16) {
            assertThat(sent.timeline().blocks().get(0).size()).isEqualTo(BlockSize.B1K);
        }
    }

    @Test
    void aLostAckMakesAStandardReceiverAcknowledgeTheRepeatAndDropIt() throws Exception {
        byte[] file = random(1000, 7);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        // the receiver's writes: 1 the request 'C', 2 the ACK of block 1, 3 the ACK of block 2 (lost)
        CompletableFuture<Object> rx = receive(new FaultyLink(link.right()).cut(3, 0), ReceiverSettings.defaults(),
                sink);

        SendResult sent = new XmodemSender(link.left(),
                SenderSettings.defaults().withResponseTimeout(Duration.ofMillis(300))).send(file);

        ReceiveResult got = (ReceiveResult) rx.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(got.duplicates()).isEqualTo(1);
        assertThat(sent.timeline().blocks().get(1).timeouts()).isEqualTo(1);
        assertThat(Arrays.copyOf(sink.toByteArray(), 1000)).isEqualTo(file);
    }

    @Test
    void aDamagedPacketIsNakedAndTheRepeatTaken() throws Exception {
        byte[] file = random(600, 8);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        CompletableFuture<Object> rx = receive(link.right(),
                ReceiverSettings.defaults().withTimeouts(Duration.ofSeconds(10), Duration.ofMillis(100)), sink);

        SendResult sent = new XmodemSender(new FaultyLink(link.left()).flip(2, 77)).send(file);

        ReceiveResult got = (ReceiveResult) rx.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(got.naks()).isEqualTo(1);
        assertThat(sent.timeline().totalNaks()).isEqualTo(1);
        assertThat(Arrays.copyOf(sink.toByteArray(), 600)).isEqualTo(file);
    }

    @Test
    void aFirstPacketCutShortIsAskedForAgainWithTheRequestAndSentAgain() throws Exception {
        byte[] file = random(300, 10);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        CompletableFuture<Object> rx = receive(link.right(),
                ReceiverSettings.defaults().withTimeouts(Duration.ofSeconds(10), Duration.ofMillis(100)), sink);

        SendResult sent = new XmodemSender(new FaultyLink(link.left()).cut(1, 50)).send(file);

        ReceiveResult got = (ReceiveResult) rx.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(got.naks()).as("a repeated 'C', not a NAK").isZero();
        assertThat(sent.timeline().blocks().get(0).naks()).isEqualTo(1);
        assertThat(sent.timeline().blocks().get(0).transmissions()).isEqualTo(2);
        assertThat(Arrays.copyOf(sink.toByteArray(), 300)).isEqualTo(file);
    }

    @Test
    void aReceiverThatCancelsMidTransferStopsTheSenderAtTheNextBlock() throws Exception {
        CompletableFuture<Void> peer = CompletableFuture.runAsync(() -> script(link.right(), "C", "ACK CAN CAN"));
        XmodemException e = catchXmodem(() -> new XmodemSender(link.left()).send(random(300, 11)));
        peer.get(5, TimeUnit.SECONDS);

        assertThat(e.failure()).isEqualTo(Failure.RECEIVER_CANCELLED);
        assertThat(e.block()).hasValue(2);
        assertThat(e.timeline().orElseThrow().blocks().get(0).acknowledged()).isPresent();
    }

    @Test
    void anIdleNakThatCrossedTheBlockIsNotMistakenForItsAnswerWhenTheAckFollows() throws Exception {
        CompletableFuture<Void> peer = CompletableFuture.runAsync(() -> script(link.right(), "C", "NAK ACK", "ACK",
                "ACK"));
        SendResult r = new XmodemSender(link.left()).send(random(200, 12));
        peer.get(5, TimeUnit.SECONDS);

        Timeline.Block one = r.timeline().blocks().get(0);
        assertThat(one.naks()).isEqualTo(1);
        assertThat(one.transmissions()).isEqualTo(1);
        assertThat(one.acknowledged()).isPresent();
        assertThat(r.timeline().blocks().get(1).transmissions()).isEqualTo(1);
    }

    @Test
    void theSenderRetriesEotThatTheReceiverNaksFirst() throws Exception {
        CompletableFuture<Void> peer = CompletableFuture.runAsync(() -> script(link.right(), "C", "ACK", "NAK", "ACK"));
        SendResult r = new XmodemSender(link.left()).send(random(100, 9));
        peer.get(5, TimeUnit.SECONDS);

        assertThat(r.timeline().eot().transmissions()).isEqualTo(2);
        assertThat(r.timeline().eot().naks()).isEqualTo(1);
        assertThat(r.timeline().eot().acknowledged()).isPresent();
    }

    @Test
    void anEotNeverAcknowledgedFails() throws Exception {
        CompletableFuture<Void> peer = CompletableFuture.runAsync(() -> script(link.right(), "NAK", "ACK", "NAK", "NAK"));
        XmodemException e = catchXmodem(() -> new XmodemSender(link.left(),
                SenderSettings.defaults().withEot(Duration.ofMillis(100), 3)).send(random(100, 9)));
        peer.get(5, TimeUnit.SECONDS);

        assertThat(e.failure()).isEqualTo(Failure.EOT_NOT_ACKNOWLEDGED);
        assertThat(e.getMessage()).isEqualTo("all 1 blocks were acknowledged but EOT was not, after 3 transmissions "
                + "(2 NAKs)");
        assertThat(e.timeline().orElseThrow().eot().transmissions()).isEqualTo(3);
    }

    @Test
    void aReceiverThatCancelsBeforeTheFirstBlockStopsTheSender() throws Exception {
        link.right().write(new byte[] {0x18, 0x18});
        XmodemException e = catchXmodem(() -> new XmodemSender(link.left()).send(random(100, 9)));
        assertThat(e.failure()).isEqualTo(Failure.RECEIVER_CANCELLED);
        assertThat(e.block()).isEmpty();
    }

    @Test
    void aSingleCanIsLineNoise() throws Exception {
        CompletableFuture<Void> peer = CompletableFuture.runAsync(() -> script(link.right(), "C", "CAN ACK", "ACK"));
        SendResult r = new XmodemSender(link.left()).send(random(100, 9));
        peer.get(5, TimeUnit.SECONDS);
        assertThat(r.timeline().blocks().get(0).acknowledged()).isPresent();
    }

    @Test
    void theReceiverStopsWhenTheSenderCancels() throws Exception {
        CompletableFuture<Object> rx = receive(link.right(), ReceiverSettings.defaults(), new ByteArrayOutputStream());
        link.left().write(new byte[] {0x18, 0x18});
        XmodemException e = (XmodemException) rx.get(5, TimeUnit.SECONDS);
        assertThat(e.failure()).isEqualTo(Failure.SENDER_CANCELLED);
    }

    @Test
    void theReceiverGivesUpWhenNoSenderStartsAndAskedAgainMeanwhile() throws Exception {
        CompletableFuture<Object> rx = receive(link.right(),
                ReceiverSettings.defaults().withStart(Duration.ofMillis(50), Duration.ofMillis(400)),
                new ByteArrayOutputStream());
        XmodemException e = (XmodemException) rx.get(5, TimeUnit.SECONDS);
        assertThat(e.failure()).isEqualTo(Failure.NO_SENDER);
        assertThat(e.getMessage()).contains("memory:receiver").contains("400 ms");
        byte[] requests = MemoryLink.drain(link.left(), Duration.ofMillis(50));
        assertThat(requests.length).isGreaterThan(2);
        assertThat(new String(requests, java.nio.charset.StandardCharsets.US_ASCII)).matches("C+");
    }

    @Test
    void aBlockOutOfOrderCancelsTheReceive() throws Exception {
        CompletableFuture<Object> rx = receive(link.right(), ReceiverSettings.defaults(), new ByteArrayOutputStream());
        link.left().write(XmodemPacket.of(3, new byte[128], 0, 128, BlockSize.B128, ErrorCheck.CRC16).encode());
        XmodemException e = (XmodemException) rx.get(5, TimeUnit.SECONDS);
        assertThat(e.failure()).isEqualTo(Failure.BAD_SEQUENCE);
        assertThat(e.getMessage()).contains("block number 3 arrived where block 1 was due");
        assertThat(MemoryLink.drain(link.left(), Duration.ofMillis(50))).endsWith(0x18, 0x18);
    }

    @Test
    void tooManyBadPacketsInARowCancelTheReceive() throws Exception {
        CompletableFuture<Object> rx = receive(link.right(), ReceiverSettings.defaults()
                .withTimeouts(Duration.ofSeconds(10), Duration.ofMillis(50)).withMaxErrors(3), new ByteArrayOutputStream());
        byte[] good = XmodemPacket.of(1, new byte[128], 0, 128, BlockSize.B128, ErrorCheck.CRC16).encode();
        link.left().write(good);
        byte[] bad = XmodemPacket.of(2, new byte[128], 0, 128, BlockSize.B128, ErrorCheck.CRC16).encode();
        bad[50] ^= 1;
        for (int i = 0; i < 3; i++) {
            // each copy is NAKed after the line falls quiet; wait for the answer before the next
            byte[] answer = new byte[1];
            link.left().write(bad);
            if (i < 2) {
                do {
                    assertThat(link.left().read(answer, 0, 1, Duration.ofSeconds(5))).isEqualTo(1);
                } while (answer[0] != ControlByte.NAK);
            }
        }
        XmodemException e = (XmodemException) rx.get(5, TimeUnit.SECONDS);
        assertThat(e.failure()).isEqualTo(Failure.TOO_MANY_ERRORS);
        assertThat(e.getMessage()).startsWith("3 bad or missing packets in a row at block 2");
    }

    /**
     * Plays a receiver: each step first reads (a step after the first waits for a whole 128-byte CRC packet or an
     * EOT), then writes its space-separated bytes in one write.
     */
    private static void script(MemoryLink end, String... steps) {
        try {
            LinkInput in = new LinkInput(end);
            for (int i = 0; i < steps.length; i++) {
                if (i > 0) {
                    int first = in.read(Duration.ofSeconds(5));
                    if (first == ControlByte.SOH) {
                        byte[] rest = new byte[XmodemPacket.wireLength(BlockSize.B128, ErrorCheck.CRC16) - 1];
                        in.readFully(rest, 0, rest.length, Duration.ofSeconds(1));
                    } else if (first != ControlByte.EOT) {
                        throw new AssertionError("unexpected byte " + first);
                    }
                }
                String[] names = steps[i].split(" ");
                byte[] bytes = new byte[names.length];
                for (int j = 0; j < names.length; j++) {
                    bytes[j] = (byte) switch (names[j]) {
                        case "C" -> ControlByte.CRC_REQUEST;
                        case "ACK" -> ControlByte.ACK;
                        case "NAK" -> ControlByte.NAK;
                        case "CAN" -> ControlByte.CAN;
                        default -> throw new IllegalArgumentException(names[j]);
                    };
                }
                end.write(bytes);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
