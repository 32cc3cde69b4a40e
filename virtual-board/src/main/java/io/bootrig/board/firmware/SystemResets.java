package io.bootrig.board.firmware;

import java.util.function.BooleanSupplier;

/** The board's system reset, as firmware requests it (AIRCR.SYSRESETREQ). */
@FunctionalInterface
public interface SystemResets {
    /**
     * Resets the SoC and the core, unless the requesting run has ended meanwhile (checked where
     * power changes are serialised); the requesting run is aborted before this returns.
     */
    void systemReset(String cause, BooleanSupplier requesterAlive);
}
