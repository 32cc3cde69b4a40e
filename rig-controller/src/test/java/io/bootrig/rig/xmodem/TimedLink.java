package io.bootrig.rig.xmodem;

import io.bootrig.rig.link.ByteLink;
import java.io.IOException;
import java.time.Duration;

/** Notes when the first byte came in and when the last ACK went out: a receiver's view of a transfer's length. */
final class TimedLink implements ByteLink {
    private final ByteLink link;
    private long firstRead;
    private long lastAck;

    TimedLink(ByteLink link) {
        this.link = link;
    }

    /** From the first byte received to the last ACK sent (the one for EOT). */
    Duration transfer() {
        return Duration.ofNanos(lastAck - firstRead);
    }

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException {
        int n = link.read(buffer, offset, length, timeout);
        if (n > 0 && firstRead == 0) {
            firstRead = System.nanoTime();
        }
        return n;
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        link.write(data, offset, length);
        if (length == 1 && data[offset] == ControlByte.ACK) {
            lastAck = System.nanoTime();
        }
    }

    @Override
    public String describe() {
        return link.describe();
    }

    @Override
    public void close() {
        link.close();
    }
}
