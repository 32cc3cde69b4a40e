package io.bootrig.rig.xmodem;

import io.bootrig.rig.link.ByteLink;
import io.bootrig.rig.xmodem.XmodemException.Failure;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Receives one file with XMODEM over a {@link ByteLink}: a standard receiver (128-byte and 1K blocks, checksum or
 * CRC-16 as configured, a repeated block is acknowledged and dropped). XMODEM does not carry the file's length, so
 * the sink gets whole blocks, the sender's padding included.
 */
public final class XmodemReceiver {
    private static final int CANCEL_BYTES = 8;

    private final ByteLink link;
    private final LinkInput in;
    private final ReceiverSettings settings;

    public XmodemReceiver(ByteLink link) {
        this(link, ReceiverSettings.defaults());
    }

    public XmodemReceiver(ByteLink link, ReceiverSettings settings) {
        this.link = link;
        this.in = new LinkInput(link);
        this.settings = settings;
    }

    /**
     * Receives into {@code sink} (not closed).
     *
     * @throws XmodemException the sender cancelled, never started, or the packets were too often bad
     * @throws io.bootrig.rig.link.LinkLostException the link went away
     */
    public ReceiveResult receive(OutputStream sink) throws IOException, XmodemException {
        long start = System.nanoTime();
        try {
            return new Transfer(sink, start).run();
        } catch (InterruptedIOException e) {
            cancelQuietly();
            throw new XmodemException(Failure.ABORTED, OptionalInt.empty(), null, "the receive was interrupted");
        }
    }

    private final class Transfer {
        private final OutputStream sink;
        private final long startNanos;
        private final StrayText stray = new StrayText();
        private int expected = 1;
        private int blocks;
        private int duplicates;
        private int naks;
        private int errors;
        private long bytes;

        Transfer(OutputStream sink, long startNanos) {
            this.sink = sink;
            this.startNanos = startNanos;
        }

        ReceiveResult run() throws IOException, XmodemException {
            request();
            while (true) {
                int first = in.read(started() ? settings.packetTimeout() : settings.requestInterval());
                if (first < 0) {
                    missing();
                } else if (first == ControlByte.SOH || first == ControlByte.STX) {
                    packet(first);
                } else if (first == ControlByte.EOT) {
                    write(ControlByte.ACK);
                    return new ReceiveResult(settings.check(), bytes, blocks, duplicates, naks,
                            Duration.ofNanos(System.nanoTime() - startNanos));
                } else if (first == ControlByte.CAN) {
                    if (in.read(settings.byteTimeout()) == ControlByte.CAN) {
                        throw failure(Failure.SENDER_CANCELLED, "the sender cancelled (CAN CAN) after " + blocks
                                + " block" + (blocks == 1 ? "" : "s"));
                    }
                } else {
                    stray.add(first);
                }
            }
        }

        private boolean started() {
            return blocks > 0;
        }

        private void missing() throws IOException, XmodemException {
            if (!started()) {
                if (System.nanoTime() - startNanos >= settings.startTimeout().toNanos()) {
                    throw failure(Failure.NO_SENDER, "no block from the sender on " + link.describe() + " within "
                            + XmodemSender.seconds(settings.startTimeout()));
                }
                request();
            } else {
                rejected("no packet within " + XmodemSender.seconds(settings.packetTimeout()));
            }
        }

        private void packet(int header) throws IOException, XmodemException {
            BlockSize size = BlockSize.ofHeader(header);
            byte[] raw = new byte[XmodemPacket.wireLength(size, settings.check())];
            raw[0] = (byte) header;
            if (in.readFully(raw, 1, raw.length - 1, settings.byteTimeout()) < raw.length - 1) {
                rejected("a packet broke off");
                return;
            }
            Optional<XmodemPacket> decoded = XmodemPacket.decode(raw, settings.check());
            if (decoded.isEmpty()) {
                purge();
                rejected("a packet failed its " + settings.check().label() + " or number check");
                return;
            }
            XmodemPacket p = decoded.get();
            if (p.number() == (expected & 0xFF)) {
                sink.write(p.data());
                bytes += size.bytes();
                blocks++;
                expected++;
                errors = 0;
                write(ControlByte.ACK);
            } else if (started() && p.number() == ((expected - 1) & 0xFF)) {
                duplicates++;
                write(ControlByte.ACK);
            } else {
                cancelQuietly();
                throw failure(Failure.BAD_SEQUENCE, "block number " + p.number() + " arrived where block "
                        + (expected & 0xFF) + " was due (block " + expected + " of the file)");
            }
        }

        /** NAKs a bad or missing packet; before the first block, repeats the request so the mode stays clear. */
        private void rejected(String why) throws IOException, XmodemException {
            errors++;
            if (errors >= settings.maxErrors()) {
                cancelQuietly();
                throw failure(Failure.TOO_MANY_ERRORS, errors + " bad or missing packets in a row at block "
                        + expected + ", the last: " + why);
            }
            if (started()) {
                write(ControlByte.NAK);
                naks++;
            } else {
                request();
            }
        }

        private void request() throws IOException {
            write(settings.check().request());
        }

        /** Waits for the line to fall quiet so that the NAK is not lost in the rest of a bad packet. */
        private void purge() throws IOException {
            byte[] sink = new byte[256];
            while (in.readFully(sink, 0, sink.length, settings.byteTimeout()) > 0) {
                // drop it
            }
        }

        private void write(int b) throws IOException {
            in.write(new byte[] {(byte) b});
        }

        private XmodemException failure(Failure f, String message) {
            return new XmodemException(f, OptionalInt.of(expected), null, message + stray.asSuffix("sender"));
        }
    }

    private void cancelQuietly() {
        byte[] cancel = new byte[CANCEL_BYTES];
        Arrays.fill(cancel, (byte) ControlByte.CAN);
        try {
            link.write(cancel);
        } catch (IOException ignored) {
            // the failure being reported matters more than a failed courtesy
        }
    }
}
