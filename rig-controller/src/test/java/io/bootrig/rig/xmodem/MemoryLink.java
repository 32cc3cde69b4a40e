package io.bootrig.rig.xmodem;

import io.bootrig.rig.link.ByteLink;
import io.bootrig.rig.link.LinkLostException;
import java.io.ByteArrayOutputStream;
import java.time.Duration;

/** One end of an in-memory byte link; {@link #pair} makes two connected ends. Closing either end loses the link. */
public final class MemoryLink implements ByteLink {
    /** Two connected ends. */
    public record Pair(MemoryLink left, MemoryLink right) implements AutoCloseable {
        @Override
        public void close() {
            left.close();
            right.close();
        }
    }

    private final String name;
    private final Pipe in;
    private final Pipe out;

    private MemoryLink(String name, Pipe in, Pipe out) {
        this.name = name;
        this.in = in;
        this.out = out;
    }

    public static Pair pair(String leftName, String rightName) {
        Pipe toLeft = new Pipe();
        Pipe toRight = new Pipe();
        return new Pair(new MemoryLink(leftName, toLeft, toRight), new MemoryLink(rightName, toRight, toLeft));
    }

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws LinkLostException {
        return in.take(buffer, offset, length, timeout, name);
    }

    @Override
    public void write(byte[] data, int offset, int length) throws LinkLostException {
        out.put(data, offset, length, name);
    }

    @Override
    public String describe() {
        return "memory:" + name;
    }

    @Override
    public void close() {
        in.close();
        out.close();
    }

    private static final class Pipe {
        private byte[] bytes = new byte[4096];
        private int head;
        private int count;
        private boolean closed;

        synchronized void put(byte[] data, int offset, int length, String who) throws LinkLostException {
            if (closed) {
                throw new LinkLostException("memory:" + who + ": closed");
            }
            if (count + length > bytes.length) {
                byte[] grown = new byte[Math.max(bytes.length * 2, count + length)];
                for (int i = 0; i < count; i++) {
                    grown[i] = bytes[(head + i) % bytes.length];
                }
                bytes = grown;
                head = 0;
            }
            for (int i = 0; i < length; i++) {
                bytes[(head + count + i) % bytes.length] = data[offset + i];
            }
            count += length;
            notifyAll();
        }

        synchronized int take(byte[] buffer, int offset, int length, Duration timeout, String who)
                throws LinkLostException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (count == 0) {
                if (closed) {
                    throw new LinkLostException("memory:" + who + ": closed");
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return 0;
                }
                try {
                    wait(left / 1_000_000, (int) (left % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 0;
                }
            }
            int n = Math.min(length, count);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = bytes[(head + i) % bytes.length];
            }
            head = (head + n) % bytes.length;
            count -= n;
            return n;
        }

        synchronized void close() {
            closed = true;
            notifyAll();
        }
    }

    /** Everything that arrives here, for a test to look at. */
    static byte[] drain(MemoryLink link, Duration quiet) throws LinkLostException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[512];
        int n;
        while ((n = link.read(buf, 0, buf.length, quiet)) > 0) {
            all.write(buf, 0, n);
        }
        return all.toByteArray();
    }
}
