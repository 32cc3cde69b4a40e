package io.bootrig.board.uart;

import java.util.Random;

/**
 * A fault on the line from the host: each byte is lost with probability {@code rate}, drawn from a
 * {@link Random} with a fixed seed, so the same seed and bytes lose the same bytes.
 */
public final class ByteDrop {
    private final double rate;
    private final Random random;
    private long dropped;

    public ByteDrop(double rate, long seed) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("drop rate must be between 0 and 1, got " + rate);
        }
        this.rate = rate;
        this.random = new Random(seed);
    }

    synchronized boolean drops() {
        boolean drop = random.nextDouble() < rate;
        if (drop) {
            dropped++;
        }
        return drop;
    }

    public synchronized long bytesDropped() {
        return dropped;
    }
}
