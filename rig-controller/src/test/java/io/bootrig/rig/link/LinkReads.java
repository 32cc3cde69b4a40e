package io.bootrig.rig.link;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;

/** Reading helpers for link tests. */
public final class LinkReads {
    private LinkReads() {}

    /** Reads until {@code count} bytes arrived or {@code timeout} passed; returns what arrived. */
    public static byte[] readUpTo(ByteLink link, int count, Duration timeout) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buf = new byte[4096];
        while (got.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            int n = link.read(buf, 0, Math.min(buf.length, count - got.size()), Duration.ofNanos(left));
            got.write(buf, 0, n);
        }
        return got.toByteArray();
    }

    /** Reads until the link reports it is lost, at most {@code timeout}; returns the exception (null if none). */
    public static LinkLostException readUntilLost(ByteLink link, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buf = new byte[4096];
        while (System.nanoTime() < deadline) {
            try {
                link.read(buf, 0, buf.length, Duration.ofMillis(100));
            } catch (LinkLostException e) {
                return e;
            }
        }
        return null;
    }

    public static byte[] allByteValues() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        return all;
    }
}
