package io.bootrig.rig.xmodem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.bootrig.rig.xmodem.XmodemException.Failure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sender against the test application's receiver and its quirks (wolfboot.md f.5), in memory. */
class SenderAgainstTestAppTest {
    private static final Duration PERIOD = Duration.ofMillis(200);
    private static final int HEADER = 256;
    private static final byte[] IMAGE = TestAppReceiver.image(5000, HEADER, 1);

    private final MemoryLink.Pair link = MemoryLink.pair("rig", "board");
    private TestAppReceiver board;

    @AfterEach
    void tearDown() {
        if (board != null) {
            board.close();
            assertThat(board.crash()).isNull();
        }
        link.close();
    }

    private static SenderSettings fast() {
        return SenderSettings.defaults().withStartTimeout(Duration.ofSeconds(10)).withResponseTimeout(Duration.ofSeconds(5));
    }

    @Test
    void anImageGoesThroughAndThePaddingIsWrittenAfterIt() throws Exception {
        board = TestAppReceiver.start(link.right(), TestAppReceiver.Script.normal(PERIOD));
        List<long[]> progress = new ArrayList<>();
        SendResult r = new XmodemSender(link.left(), fast())
                .send(IMAGE, (block, acked, total) -> progress.add(new long[] {block, acked, total}));

        assertThat(r.check()).isEqualTo(ErrorCheck.CHECKSUM);
        assertThat(r.blocks()).isEqualTo(42);
        assertThat(r.bytes()).isEqualTo(IMAGE.length);
        assertThat(r.wireBytes()).isEqualTo(42 * 132 + 1);
        await().atMost(Duration.ofSeconds(5)).until(board::finished);
        assertThat(board.ret()).isZero();
        assertThat(board.console()).contains("End of transfer. ret: 0").contains("Transfer succeeded");
        byte[] flash = board.flash(42 * 128);
        assertThat(Arrays.copyOf(flash, IMAGE.length)).isEqualTo(IMAGE);
        assertThat(Arrays.copyOfRange(flash, IMAGE.length, flash.length)).containsOnly(0x1A);

        assertThat(progress).hasSize(42);
        assertThat(progress.get(0)).containsExactly(1, 128, IMAGE.length);
        assertThat(progress.get(41)).containsExactly(42, IMAGE.length, IMAGE.length);
        Timeline t = r.timeline();
        assertThat(t.check()).contains(ErrorCheck.CHECKSUM);
        assertThat(t.blocks()).hasSize(42).allSatisfy(b -> {
            assertThat(b.acknowledged()).isPresent();
            assertThat(b.transmissions()).isEqualTo(1);
            assertThat(b.naks()).isZero();
            assertThat(b.size()).isEqualTo(BlockSize.B128);
        });
        assertThat(t.blocks().get(41).length()).isEqualTo(IMAGE.length - 41 * 128);
        assertThat(t.eot().acknowledged()).isPresent();
        assertThat(t.lines()).hasSize(44);
    }

    @Test
    void aLostAckIsDiagnosedAsTheDuplicateBlockTrapNamingTheBlock() {
        board = TestAppReceiver.start(link.right(), TestAppReceiver.Script.normal(PERIOD).losingAckOf(5));
        XmodemSender sender = new XmodemSender(link.left(), fast());

        XmodemException e = catchXmodem(() -> sender.send(IMAGE));

        assertThat(e.failure()).isEqualTo(Failure.DUPLICATE_BLOCK_TRAP);
        assertThat(e.block()).hasValue(5);
        assertThat(e.getMessage()).startsWith("block 5 (offset 0x200): duplicate-block trap")
                .contains("acknowledged block 6");
        Timeline.Block five = e.timeline().orElseThrow().blocks().get(4);
        assertThat(five.acknowledged()).isEmpty();
        assertThat(five.naks()).isEqualTo(2);
        assertThat(five.transmissions()).isEqualTo(2).isLessThan(fast().maxTransmissions());
        assertThat(e.timeline().orElseThrow().blocks().get(5).acknowledged()).isPresent();
        assertThat(board.packetsAcked()).isEqualTo(6);
    }

    @Test
    void aLostAckOfTheLastBlockEndsTheTestAppWithRetOneAndTheSenderReportsWhatItPrinted() {
        board = TestAppReceiver.start(link.right(), TestAppReceiver.Script.normal(PERIOD).losingAckOf(42));
        XmodemSender sender = new XmodemSender(link.left(),
                fast().withResponseTimeout(PERIOD.multipliedBy(2)).withMaxTransmissions(4));

        XmodemException e = catchXmodem(() -> sender.send(IMAGE));

        assertThat(e.failure()).isEqualTo(Failure.TOO_MANY_NAKS);
        assertThat(e.block()).hasValue(42);
        assertThat(e.getMessage()).contains("End of transfer. ret: 1|Transfer failed");
        await().atMost(Duration.ofSeconds(5)).until(board::finished);
        assertThat(board.ret()).isEqualTo(1);
    }

    @Test
    void aLostAckOfTheFirstBlockIsNotProbedBecauseTheTestAppTakesAnyFirstNumber() {
        board = TestAppReceiver.start(link.right(), TestAppReceiver.Script.normal(PERIOD).losingAckOf(1));
        XmodemSender sender = new XmodemSender(link.left(), fast().withMaxTransmissions(4));

        XmodemException e = catchXmodem(() -> sender.send(IMAGE));

        assertThat(e.failure()).isEqualTo(Failure.TOO_MANY_NAKS);
        assertThat(e.block()).hasValue(1);
        assertThat(e.timeline().orElseThrow().blocks()).hasSize(1);
        assertThat(board.packetsAcked()).isEqualTo(1);
    }

    @Test
    void oneKBlocksAreNeverSentToAReceiverThatAsksWithNak() throws Exception {
        board = TestAppReceiver.start(link.right(), TestAppReceiver.Script.normal(PERIOD));
        SendResult r = new XmodemSender(link.left(), fast().withBlockSize(BlockSize.B1K)).send(IMAGE);

        assertThat(r.check()).isEqualTo(ErrorCheck.CHECKSUM);
        assertThat(r.timeline().blocks()).hasSize(42).allSatisfy(b -> assertThat(b.size()).isEqualTo(BlockSize.B128));
        await().atMost(Duration.ofSeconds(5)).until(board::finished);
        assertThat(board.ret()).isZero();
        assertThat(board.flash(IMAGE.length)).isEqualTo(IMAGE);
    }

    @Test
    void aFlashWriteErrorCancelsWithCanAndTheSenderSaysWhere() {
        board = TestAppReceiver.start(link.right(), TestAppReceiver.Script.normal(PERIOD).failingFlashAt(3));
        XmodemException e = catchXmodem(() -> new XmodemSender(link.left(), fast()).send(IMAGE));

        assertThat(e.failure()).isEqualTo(Failure.RECEIVER_CANCELLED);
        assertThat(e.block()).hasValue(3);
        assertThat(e.getMessage()).contains("CAN CAN").contains("block 3");
        await().atMost(Duration.ofSeconds(5)).until(board::finished);
        assertThat(board.ret()).isEqualTo(-1);
        assertThat(board.console()).contains("Error writing to flash");
    }

    @Test
    void requestsThatPiledUpBeforeTheSenderStartedAreNotTakenAsNaks() throws Exception {
        board = TestAppReceiver.start(link.right(), TestAppReceiver.Script.normal(Duration.ofMillis(20)));
        await().atMost(Duration.ofSeconds(5)).until(() -> board.naks() >= 5);

        SendResult r = new XmodemSender(link.left(), fast()).send(IMAGE);

        assertThat(r.timeline().totalNaks()).isZero();
        assertThat(r.timeline().totalTransmissions()).isEqualTo(42);
    }

    @Test
    void aCorruptedBlockIsNakedAndSentAgain() throws Exception {
        board = TestAppReceiver.start(link.right(), TestAppReceiver.Script.normal(PERIOD));
        SendResult r = new XmodemSender(new FaultyLink(link.left()).flip(3, 40), fast()).send(IMAGE);

        Timeline.Block three = r.timeline().blocks().get(2);
        assertThat(three.naks()).isEqualTo(1);
        assertThat(three.transmissions()).isEqualTo(2);
        assertThat(r.timeline().totalNaks()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(board::finished);
        assertThat(board.flash(IMAGE.length)).isEqualTo(IMAGE);
    }

    @Test
    void aPacketCutShortIsDroppedByTheTestAppAndSentAgainAfterItsIdleNak() throws Exception {
        board = TestAppReceiver.start(link.right(), TestAppReceiver.Script.normal(PERIOD));
        SendResult r = new XmodemSender(new FaultyLink(link.left()).cut(4, 60), fast()).send(IMAGE);

        Timeline.Block four = r.timeline().blocks().get(3);
        assertThat(four.naks()).isEqualTo(1);
        assertThat(four.acknowledged()).isPresent();
        await().atMost(Duration.ofSeconds(5)).until(board::finished);
        assertThat(board.flash(IMAGE.length)).isEqualTo(IMAGE);
    }

    @Test
    void twoBadCopiesOfABlockAreNotMistakenForTheTrap() throws Exception {
        board = TestAppReceiver.start(link.right(), TestAppReceiver.Script.normal(PERIOD));
        // writes: 1 block 1, 2 block 2, 3 and 4 block 3 (both damaged), 5 the probe with block 4, 6 block 3 again
        SendResult r = new XmodemSender(new FaultyLink(link.left()).flip(3, 10).flip(4, 90), fast()).send(IMAGE);

        List<Timeline.Block> blocks = r.timeline().blocks();
        assertThat(blocks.get(2).naks()).isEqualTo(2);
        assertThat(blocks.get(2).transmissions()).isEqualTo(3);
        assertThat(blocks.get(3).naks()).as("the probe, refused by its number").isEqualTo(1);
        assertThat(blocks.get(3).transmissions()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(5)).until(board::finished);
        assertThat(board.ret()).isZero();
        assertThat(board.flash(IMAGE.length)).isEqualTo(IMAGE);
    }

    @Test
    void noRequestWithinTheStartTimeoutFails() {
        XmodemException e = catchXmodem(() -> new XmodemSender(link.left(),
                fast().withStartTimeout(Duration.ofMillis(300))).send(IMAGE));

        assertThat(e.failure()).isEqualTo(Failure.NO_RECEIVER);
        assertThat(e.getMessage()).contains("no request (NAK or 'C')").contains("memory:rig").contains("300 ms");
    }

    @Test
    void aReceiverThatStopsAnsweringFailsAfterTheTransmissionLimit() throws Exception {
        link.right().write(new byte[] {ControlByte.NAK});
        XmodemException e = catchXmodem(() -> new XmodemSender(link.left(),
                fast().withResponseTimeout(Duration.ofMillis(100)).withMaxTransmissions(3)).send(IMAGE));

        assertThat(e.failure()).isEqualTo(Failure.NO_RESPONSE);
        assertThat(e.getMessage()).startsWith("block 1 (offset 0x0): the receiver stopped answering (3 transmissions");
        Timeline.Block one = e.timeline().orElseThrow().blocks().get(0);
        assertThat(one.timeouts()).isEqualTo(3);
        assertThat(one.naks()).isZero();
    }

    @Test
    void anInterruptAbortsTheSendAndSendsCan() throws Exception {
        XmodemSender sender = new XmodemSender(link.left(), fast());
        Thread[] worker = new Thread[1];
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            worker[0] = Thread.currentThread();
            try {
                sender.send(IMAGE);
                return null;
            } catch (Exception e) {
                return e;
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> worker[0] != null);
        worker[0].interrupt();

        Throwable t = outcome.get(5, TimeUnit.SECONDS);
        assertThat(t).isInstanceOf(XmodemException.class);
        assertThat(((XmodemException) t).failure()).isEqualTo(Failure.ABORTED);
        byte[] cancel = new byte[8];
        assertThat(link.right().read(cancel, 0, 8, Duration.ofSeconds(1))).isPositive();
        assertThat(cancel[0]).isEqualTo((byte) ControlByte.CAN);
    }

    @Test
    void anEmptyFileIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> new XmodemSender(link.left()).send(new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }

    interface Send {
        void run() throws Exception;
    }

    static XmodemException catchXmodem(Send send) {
        try {
            send.run();
        } catch (XmodemException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError("expected an XmodemException", e);
        }
        throw new AssertionError("expected an XmodemException, the transfer succeeded");
    }

}
