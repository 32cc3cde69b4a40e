package io.bootrig.board.soc;

/** What programming a quad-word that was already programmed since its last erase does. */
public enum OverprogramPolicy {
    /** Refused with STRBERR; the cells keep their contents. The default. */
    REJECT,
    /** Silently programmed: cells become old AND new, and reading the quad-word reports a double ECC error. */
    AND_WITH_ECC_ERROR
}
