package io.bootrig.rig.xmodem;

import io.bootrig.rig.link.ByteLink;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;

/**
 * Reads from a link against deadlines, never past what the caller asks for (what follows a transfer belongs to the
 * console), and notices an interrupt within {@link #SLICE}.
 */
final class LinkInput {
    private static final long SLICE = Duration.ofMillis(100).toNanos();

    private final ByteLink link;
    private final byte[] one = new byte[1];

    LinkInput(ByteLink link) {
        this.link = link;
    }

    /** One byte, or -1 if none came within {@code timeout}; {@link Duration#ZERO} only takes what is already there. */
    int read(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            checkInterrupt();
            long left = Math.max(0, deadline - System.nanoTime());
            if (link.read(one, 0, 1, Duration.ofNanos(Math.min(left, SLICE))) == 1) {
                return one[0] & 0xFF;
            }
        } while (System.nanoTime() < deadline);
        return -1;
    }

    /**
     * Fills {@code buffer[offset, offset+length)} unless a gap longer than {@code gap} comes first.
     *
     * @return the bytes read
     */
    int readFully(byte[] buffer, int offset, int length, Duration gap) throws IOException {
        int done = 0;
        long deadline = System.nanoTime() + gap.toNanos();
        while (done < length) {
            checkInterrupt();
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            int n = link.read(buffer, offset + done, length - done, Duration.ofNanos(Math.min(left, SLICE)));
            if (n > 0) {
                done += n;
                deadline = System.nanoTime() + gap.toNanos();
            }
        }
        return done;
    }

    void write(byte[] data) throws IOException {
        checkInterrupt();
        link.write(data);
    }

    private static void checkInterrupt() throws InterruptedIOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("interrupted");
        }
    }
}
