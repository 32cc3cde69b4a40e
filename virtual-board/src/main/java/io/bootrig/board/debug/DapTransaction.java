package io.bootrig.board.debug;

/** The kinds of DAP transaction the debug port counts. */
public enum DapTransaction {
    DP_READ,
    DP_WRITE,
    AP_READ,
    AP_WRITE,
    /** An ABORT scan. */
    ABORT,
    /** An AP access the DP dropped because a sticky flag was set (JTAG-DP rule). */
    AP_DISCARDED,
    /** An AP access that ended in a bus fault or a refused access, setting STICKYERR. */
    AP_FAULT
}
