package io.bootrig.rig.soak;

import java.time.Duration;

/**
 * One soak cycle: the fault, whether it struck, what the board ran afterwards and whether that is what must hold.
 *
 * @param failure empty when the cycle passed, else what went wrong
 */
public record CycleOutcome(String board, int cycle, String fault, boolean struck, long versionBefore, long versionAfter,
        String stateAfter, String failure, Duration duration) {

    public boolean passed() {
        return failure.isEmpty();
    }
}
