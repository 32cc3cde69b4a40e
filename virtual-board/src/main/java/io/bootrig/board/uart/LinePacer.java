package io.bootrig.board.uart;

/** One direction of the line: when the next byte may start, one byte after another at the line speed. */
final class LinePacer {
    private final long byteNanos;
    private long lineFreeAt = Long.MIN_VALUE;

    LinePacer(LineSpeed speed) {
        this.byteNanos = speed.byteNanos();
    }

    /** Reserves the line for one byte; returns when it starts (System.nanoTime scale). */
    synchronized long reserve(long now) {
        if (byteNanos == 0) {
            return now;
        }
        long start = lineFreeAt == Long.MIN_VALUE || lineFreeAt - now < 0 ? now : lineFreeAt;
        lineFreeAt = start + byteNanos;
        return start;
    }

    long byteNanos() {
        return byteNanos;
    }
}
