package io.bootrig.board.debug;

/** The 3-bit acknowledge a JTAG-DP captures in DPACC/APACC scans (ADIv5 JTAG-DP encoding). */
enum JtagAck {
    /** The previous transaction completed; a fault shows up in CTRL/STAT, not here. */
    OK_FAULT(0b010),
    /** The previous transaction has not completed; the host must repeat the scan. */
    WAIT(0b001);

    final int code;

    JtagAck(int code) {
        this.code = code;
    }
}
