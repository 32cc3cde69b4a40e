package io.bootrig.board.firmware;

/** The board's system reset, as firmware requests it (AIRCR.SYSRESETREQ). */
@FunctionalInterface
public interface SystemResets {
    /** Resets the SoC and the core; the requesting run is aborted before this returns. */
    void systemReset(String cause);
}
