package io.bootrig.rig.xmodem;

import io.bootrig.rig.link.ByteLink;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * A measurement tool for the test harness: makes a link as slow as a UART at {@code baud} 8N1 (10 bits a byte), in
 * both directions, so that throughput over a pty (which moves bytes at memory speed) can be compared with the line
 * rate. Bytes read are handed over only when they would have finished arriving on the line; bytes written go out
 * only when the line would have finished sending them.
 */
final class PacedLink implements ByteLink {
    private static final long SPIN_NANOS = 200_000;

    private final ByteLink link;
    private final long nanosPerByte;
    private long inLineFreeAt;
    private long outLineFreeAt;

    PacedLink(ByteLink link, int baud) {
        this.link = link;
        this.nanosPerByte = 10 * 1_000_000_000L / baud;
    }

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException {
        int n = link.read(buffer, offset, length, timeout);
        if (n > 0) {
            inLineFreeAt = Math.max(System.nanoTime(), inLineFreeAt) + n * nanosPerByte;
            waitUntil(inLineFreeAt);
        }
        return n;
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        outLineFreeAt = Math.max(System.nanoTime(), outLineFreeAt) + length * nanosPerByte;
        waitUntil(outLineFreeAt);
        link.write(data, offset, length);
    }

    @Override
    public String describe() {
        return link.describe() + " (paced)";
    }

    @Override
    public void close() {
        link.close();
    }

    /** Parks, then spins the last stretch: a park alone overshoots by tens of microseconds per byte group. */
    private static void waitUntil(long deadline) {
        for (long left = deadline - System.nanoTime(); left > SPIN_NANOS; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left - SPIN_NANOS);
        }
        while (System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }
}
