package io.bootrig.board.uart;

/** A fault on one direction of the line: every Nth byte arrives with all its bits inverted. */
public final class LineCorruption {
    private final int every;
    private long bytes;
    private long flipped;

    public LineCorruption(int every) {
        if (every < 1) {
            throw new IllegalArgumentException("corrupt every N bytes needs N >= 1, got " + every);
        }
        this.every = every;
    }

    synchronized byte apply(byte b) {
        bytes++;
        if (bytes % every != 0) {
            return b;
        }
        flipped++;
        return (byte) ~b;
    }

    public int every() {
        return every;
    }

    public synchronized long bytesFlipped() {
        return flipped;
    }
}
