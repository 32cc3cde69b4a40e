package io.bootrig.board.debug;

/** A reset the board applies to the core from outside the debug port. */
public enum ResetKind {
    /** Power-on: resets everything, debug domain included (DP power, DHCSR, DEMCR, DFSR, FPB, DWT). */
    POWER_ON,
    /** A system reset (NRST pin, watchdog, option-byte launch): the debug domain survives. */
    SYSTEM
}
