package io.bootrig.rig.xmodem;

import io.bootrig.rig.link.ByteLink;
import io.bootrig.rig.xmodem.XmodemException.Failure;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalInt;

/**
 * Sends one file with XMODEM over a {@link ByteLink}. The receiver drives: its first request chooses the mode (NAK:
 * 8-bit checksum, 'C': CRC-16), and each block is sent until it is acknowledged, within bounds. Reads never go past
 * the EOT's ACK, so whatever the receiver prints afterwards is left on the link for the console.
 *
 * <p>The duplicate-block trap. A standard receiver acknowledges a repeated block; the STM32H5 test application's
 * receiver NAKs it, forever. So when an ACK is lost on the line, the sender repeats a block the receiver already has
 * and every repeat is refused. After {@link SenderSettings#trapProbeAfterNaks()} NAKs for block n (once the receiver
 * has acknowledged a block, so it is in step) the sender therefore sends block n+1 once: a receiver still waiting for
 * block n refuses it by its number, one that acknowledges it had block n already. That diagnosis is final: the send
 * fails at once with {@link Failure#DUPLICATE_BLOCK_TRAP} naming block n. Not probed: block 1 (the test application
 * takes any number for its first block, so the probe could not tell) and the last block (there is no next one; the
 * test application then ends the transfer with ret 1, and the failure message quotes what it printed).
 */
public final class XmodemSender {
    private static final int CANCEL_BYTES = 8;

    private final ByteLink link;
    private final LinkInput in;
    private final SenderSettings settings;

    public XmodemSender(ByteLink link) {
        this(link, SenderSettings.defaults());
    }

    public XmodemSender(ByteLink link, SenderSettings settings) {
        this.link = link;
        this.in = new LinkInput(link);
        this.settings = settings;
    }

    public SendResult send(byte[] data) throws IOException, XmodemException {
        return send(data, ProgressListener.NONE);
    }

    /**
     * Sends {@code data}, the last block padded with 0x1A.
     *
     * @throws XmodemException the receiver refused, cancelled or stopped answering (a product failure)
     * @throws io.bootrig.rig.link.LinkLostException the link went away
     */
    public SendResult send(byte[] data, ProgressListener progress) throws IOException, XmodemException {
        if (data.length == 0) {
            throw new IllegalArgumentException("nothing to send: XMODEM cannot carry an empty file");
        }
        Transfer t = new Transfer(data, progress, System.nanoTime());
        try {
            return t.run();
        } catch (InterruptedIOException e) {
            t.cancelQuietly();
            throw t.failure(Failure.ABORTED, OptionalInt.empty(), "the send was interrupted");
        }
    }

    private enum Answer { ACK, NAK, CANCEL, TIMEOUT }

    /** The state of one send. */
    private final class Transfer {
        private final byte[] data;
        private final ProgressListener progress;
        private final long startNanos;
        private final Timeline timeline;
        private final StrayText stray = new StrayText();
        private ErrorCheck check;
        private boolean inStep;
        private boolean lastWasCan;
        private long wireBytes;

        Transfer(byte[] data, ProgressListener progress, long startNanos) {
            this.data = data;
            this.progress = progress;
            this.startNanos = startNanos;
            this.timeline = new Timeline(startNanos);
        }

        SendResult run() throws IOException, XmodemException {
            awaitRequest();
            long offset = 0;
            int block = 1;
            while (offset < data.length) {
                int length = sendBlock(block, offset);
                offset += length;
                progress.acknowledged(block, offset, data.length);
                block++;
            }
            sendEot(block - 1);
            return new SendResult(check, data.length, block - 1, wireBytes,
                    Duration.ofNanos(System.nanoTime() - startNanos), timeline);
        }

        private void awaitRequest() throws IOException, XmodemException {
            long deadline = startNanos + settings.startTimeout().toNanos();
            while (check == null) {
                int b = in.read(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
                if (b < 0) {
                    throw failure(Failure.NO_RECEIVER, OptionalInt.empty(), "no request (NAK or 'C') from the receiver on "
                            + link.describe() + " within " + seconds(settings.startTimeout()));
                }
                noteRequest(b);
            }
            // requests that piled up before we listened would otherwise be taken as answers to block 1
            for (int b = in.read(Duration.ZERO); b >= 0; b = in.read(Duration.ZERO)) {
                noteRequest(b);
            }
            timeline.requestReceived(check);
        }

        private void noteRequest(int b) throws XmodemException {
            if (isCancel(b)) {
                throw failure(Failure.RECEIVER_CANCELLED, OptionalInt.empty(),
                        "the receiver cancelled (CAN CAN) before the first block");
            } else if (b == ControlByte.NAK) {
                check = ErrorCheck.CHECKSUM;
            } else if (b == ControlByte.CRC_REQUEST) {
                check = ErrorCheck.CRC16;
            } else if (b != ControlByte.CAN) {
                stray.add(b);
            }
        }

        /** Sends one block until it is acknowledged; returns the file bytes it carried. */
        private int sendBlock(int block, long offset) throws IOException, XmodemException {
            BlockSize size = sizeAt(offset);
            int length = (int) Math.min(size.bytes(), data.length - offset);
            byte[] packet = packet(block, offset, size);
            int transmissions = 0;
            int naks = 0;
            boolean probed = false;
            boolean naked = false;
            while (true) {
                if (naked && ackPending(block)) {
                    // the NAK was an idle request that crossed the block on the line; the block's ACK followed it
                    timeline.acknowledged(block);
                    inStep = true;
                    return length;
                }
                if (transmissions == settings.maxTransmissions()) {
                    cancelQuietly();
                    throw naks > 0
                            ? failure(Failure.TOO_MANY_NAKS, OptionalInt.of(block), where(block, offset)
                                    + ": not acknowledged after " + transmissions + " transmissions (" + naks + " NAK"
                                    + plural(naks) + ", " + (transmissions - naks) + " unanswered)")
                            : failure(Failure.NO_RESPONSE, OptionalInt.of(block), where(block, offset)
                                    + ": the receiver stopped answering (" + transmissions
                                    + " transmissions, no ACK or NAK within " + seconds(settings.responseTimeout())
                                    + " each)");
                }
                transmit(packet, OptionalInt.of(block));
                timeline.sent(block, offset, length, size);
                transmissions++;
                Answer answer = awaitAnswer(settings.responseTimeout(), !inStep);
                naked = answer == Answer.NAK;
                switch (answer) {
                    case ACK -> {
                        timeline.acknowledged(block);
                        inStep = true;
                        return length;
                    }
                    case NAK -> {
                        timeline.nak(block);
                        naks++;
                        long next = offset + length;
                        if (!probed && inStep && settings.trapProbeAfterNaks() > 0
                                && naks >= settings.trapProbeAfterNaks() && next < data.length) {
                            probed = true;
                            probeWithNextBlock(block, offset, naks, next);
                        }
                    }
                    case TIMEOUT -> timeline.timeout(block);
                    case CANCEL -> throw failure(Failure.RECEIVER_CANCELLED, OptionalInt.of(block),
                            "the receiver cancelled (CAN CAN) at " + where(block, offset));
                }
            }
        }

        private void probeWithNextBlock(int block, long offset, int naks, long next)
                throws IOException, XmodemException {
            BlockSize size = sizeAt(next);
            transmit(packet(block + 1, next, size), OptionalInt.of(block + 1));
            timeline.sent(block + 1, next, (int) Math.min(size.bytes(), data.length - next), size);
            switch (awaitAnswer(settings.responseTimeout(), false)) {
                case ACK -> {
                    timeline.acknowledged(block + 1);
                    cancelQuietly();
                    throw failure(Failure.DUPLICATE_BLOCK_TRAP, OptionalInt.of(block), where(block, offset)
                            + ": duplicate-block trap: the receiver NAKed block " + block + " " + naks + " time"
                            + plural(naks) + " but acknowledged block " + (block + 1) + ", so it already had block "
                            + block + " and the ACK for it was lost; this receiver NAKs a repeated block forever "
                            + "(as the STM32H5 test application does), so the transfer cannot finish: restart the transfer");
                }
                case NAK -> timeline.nak(block + 1);
                case TIMEOUT -> timeline.timeout(block + 1);
                case CANCEL -> throw failure(Failure.RECEIVER_CANCELLED, OptionalInt.of(block + 1),
                        "the receiver cancelled (CAN CAN) at " + where(block + 1, next));
            }
        }

        private void sendEot(int blocks) throws IOException, XmodemException {
            int naks = 0;
            for (int i = 0; i < settings.maxEotTransmissions(); i++) {
                transmit(new byte[] {ControlByte.EOT}, OptionalInt.empty());
                timeline.eotSent();
                switch (awaitAnswer(settings.eotTimeout(), false)) {
                    case ACK -> {
                        timeline.eotAcknowledged();
                        return;
                    }
                    case NAK -> {
                        timeline.eotNak();
                        naks++;
                    }
                    case TIMEOUT -> { }
                    case CANCEL -> throw failure(Failure.RECEIVER_CANCELLED, OptionalInt.empty(),
                            "the receiver cancelled (CAN CAN) after all " + blocks + " blocks were acknowledged");
                }
            }
            throw failure(Failure.EOT_NOT_ACKNOWLEDGED, OptionalInt.empty(), "all " + blocks
                    + " blocks were acknowledged but EOT was not, after " + settings.maxEotTransmissions()
                    + " transmissions (" + naks + " NAK" + plural(naks) + ")");
        }

        /** 1K only where the receiver asked for CRC and at least 129 bytes remain; 128 otherwise. */
        private BlockSize sizeAt(long offset) {
            boolean oneK = settings.blockSize() == BlockSize.B1K && check == ErrorCheck.CRC16
                    && data.length - offset > BlockSize.B128.bytes();
            return oneK ? BlockSize.B1K : BlockSize.B128;
        }

        private byte[] packet(int block, long offset, BlockSize size) {
            int length = (int) Math.min(size.bytes(), data.length - offset);
            return XmodemPacket.of(block, data, (int) offset, length, size, check).encode();
        }

        /** Drops stale bytes (a NAK the receiver sent while idle would pass for the answer), then writes. */
        private void transmit(byte[] bytes, OptionalInt block) throws IOException, XmodemException {
            drainPending(block);
            in.write(bytes);
            wireBytes += bytes.length;
        }

        /** After a NAK: whether an ACK is already waiting behind it (drops everything else that is waiting). */
        private boolean ackPending(int block) throws IOException, XmodemException {
            return drainPending(OptionalInt.of(block));
        }

        /** Reads what is already there; true if an ACK was among it. */
        private boolean drainPending(OptionalInt block) throws IOException, XmodemException {
            boolean ack = false;
            for (int b = in.read(Duration.ZERO); b >= 0; b = in.read(Duration.ZERO)) {
                if (isCancel(b)) {
                    throw failure(Failure.RECEIVER_CANCELLED, block, "the receiver cancelled (CAN CAN)"
                            + (block.isPresent() ? " before block " + block.getAsInt() : " before EOT"));
                }
                if (b == ControlByte.ACK) {
                    ack = true;
                } else if (b != ControlByte.NAK && b != ControlByte.CAN && b != check.request()) {
                    stray.add(b);
                }
            }
            return ack;
        }

        /** Waits for ACK, NAK or CAN CAN; a repeated request counts as NAK while no block was acknowledged. */
        private Answer awaitAnswer(Duration timeout, boolean requestIsNak) throws IOException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                int b = left > 0 ? in.read(Duration.ofNanos(left)) : -1;
                if (b < 0) {
                    return Answer.TIMEOUT;
                }
                if (isCancel(b)) {
                    return Answer.CANCEL;
                }
                if (b == ControlByte.ACK) {
                    return Answer.ACK;
                }
                if (b == ControlByte.NAK || (requestIsNak && b == check.request())) {
                    return Answer.NAK;
                }
                if (b != ControlByte.CAN) {
                    stray.add(b);
                }
            }
        }

        /** True for the second of two CANs in a row (a lone CAN is line noise). */
        private boolean isCancel(int b) {
            boolean cancel = b == ControlByte.CAN && lastWasCan;
            lastWasCan = b == ControlByte.CAN;
            return cancel;
        }

        /** Tells a standard receiver to stop (the test application ignores CAN); the failure is reported anyway. */
        void cancelQuietly() {
            byte[] cancel = new byte[CANCEL_BYTES];
            Arrays.fill(cancel, (byte) ControlByte.CAN);
            try {
                link.write(cancel);
            } catch (IOException ignored) {
                // the failure being reported matters more than a failed courtesy
            }
        }

        XmodemException failure(Failure failure, OptionalInt block, String message) {
            return new XmodemException(failure, block, timeline, message + stray.asSuffix("receiver"));
        }
    }

    private static String where(int block, long offset) {
        return String.format("block %d (offset 0x%X)", block, offset);
    }

    private static String plural(int n) {
        return n == 1 ? "" : "s";
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
