package io.bootrig.board.uart;

/** Counts bytes from the host and runs an action once, right after the Nth has reached the firmware. */
public final class ByteCountdown {
    private final long count;
    private final Runnable action;
    private long seen;

    public ByteCountdown(long count, Runnable action) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        this.count = count;
        this.action = action;
    }

    void byteReceived() {
        boolean now;
        synchronized (this) {
            seen++;
            now = seen == count;
        }
        if (now) {
            action.run();
        }
    }

    public synchronized long bytesSeen() {
        return seen;
    }
}
