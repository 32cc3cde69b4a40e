package io.bootrig.board.bus;

/**
 * A system reset request from the debug side (AIRCR.SYSRESETREQ written by a debugger, nSRST from
 * the adapter) to the SoC, which resets everything but the debug domain.
 */
public interface ResetLine {
    void systemReset(String cause);
}
