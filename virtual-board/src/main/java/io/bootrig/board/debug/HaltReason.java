package io.bootrig.board.debug;

/** Why the core last entered debug state (the DFSR bit that halt set). */
public enum HaltReason {
    /** DFSR.HALTED after C_HALT from the debugger. */
    DEBUG_REQUEST,
    /** DFSR.HALTED after a C_STEP single step. */
    STEP,
    /** DFSR.BKPT: an FPB comparator matched the PC. */
    BREAKPOINT,
    /** DFSR.VCATCH: a vector catch (DEMCR.VC_CORERESET on reset). */
    VECTOR_CATCH
}
