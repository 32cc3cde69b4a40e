package io.bootrig.rig.health;

import java.time.Instant;
import java.util.Set;

/**
 * The outcome of one health check of a board.
 *
 * @param result  ok, infrastructure (the rig could not check: port, OpenOCD, power) or product (the board misbehaved)
 * @param summary one line saying what was found
 */
public record HealthRecord(String board, Instant at, String result, String summary) {
    public static final Set<String> RESULTS = Set.of("ok", "infrastructure", "product");

    public HealthRecord {
        if (!RESULTS.contains(result)) {
            throw new IllegalArgumentException("health result '" + result + "': expected ok, infrastructure or product");
        }
    }
}
