package io.bootrig.board.debug;

/** The Cortex-M33's run state as the debug port models it (the core never executes instructions). */
public enum CoreRunState {
    /** Not halted: DHCSR.S_HALT=0, S_RETIRE_ST=1. Firmware models may act. */
    RUNNING,
    /** In debug state. */
    HALTED,
    /** Held in reset (nSRST asserted), or passing through a reset. */
    RESET
}
