package io.bootrig.rig.lease;

import java.time.Duration;

/**
 * How often a holder renews its lease, and after how long without renewal a lease is taken for abandoned.
 *
 * @param heartbeatInterval time between heartbeats
 * @param staleAfter        a lease whose heartbeat is older than this is stale
 */
public record LeaseTiming(Duration heartbeatInterval, Duration staleAfter) {
    public static final LeaseTiming DEFAULT = new LeaseTiming(Duration.ofSeconds(5), Duration.ofSeconds(30));

    public LeaseTiming {
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw new IllegalArgumentException("heartbeat interval must be positive, got " + heartbeatInterval);
        }
        if (staleAfter.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("stale-after (" + staleAfter + ") must be at least twice the heartbeat interval ("
                    + heartbeatInterval + ")");
        }
    }
}
