package io.bootrig.board.debug;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/** Counts of DAP transactions per kind since start or the last {@link #reset()}; thread-safe. */
public final class DapCounters {
    private final AtomicLongArray counts = new AtomicLongArray(DapTransaction.values().length);

    public long count(DapTransaction kind) {
        return counts.get(kind.ordinal());
    }

    public Map<DapTransaction, Long> snapshot() {
        Map<DapTransaction, Long> copy = new EnumMap<>(DapTransaction.class);
        for (DapTransaction kind : DapTransaction.values()) {
            copy.put(kind, count(kind));
        }
        return copy;
    }

    public void reset() {
        for (int i = 0; i < counts.length(); i++) {
            counts.set(i, 0);
        }
    }

    void increment(DapTransaction kind) {
        counts.incrementAndGet(kind.ordinal());
    }
}
