package io.bootrig.board.debug;

/**
 * Turns the 35-bit DPACC/APACC/ABORT scans of a JTAG-DP into DP transactions. A scan shifts in
 * RnW (bit 0), A[3:2] (bits 2:1) and DATAIN (bits 34:3); it captures the ACK (bits 2:0) and the
 * result of the previous transaction (bits 34:3), so read data arrives one scan later (posted).
 */
final class JtagDpScans {
    private final AdiV5DebugPort dp;
    private long previousResult;

    JtagDpScans(AdiV5DebugPort dp) {
        this.dp = dp;
    }

    long capture() {
        // The model completes every transaction at once, so the ACK is never WAIT.
        return (previousResult << 3) | JtagAck.OK_FAULT.code;
    }

    void dpAccess(long scan) {
        int address = registerAddress(scan);
        if (isRead(scan)) {
            previousResult = dp.readDp(address);
        } else {
            dp.writeDp(address, data(scan));
            previousResult = 0;
        }
    }

    void apAccess(long scan) {
        int address = registerAddress(scan);
        if (isRead(scan)) {
            previousResult = dp.readAp(address);
        } else {
            dp.writeAp(address, data(scan));
            previousResult = 0;
        }
    }

    void abort(long scan) {
        dp.abort(data(scan));
        previousResult = 0;
    }

    void reset() {
        previousResult = 0;
    }

    private static boolean isRead(long scan) {
        return (scan & 1) != 0;
    }

    private static int registerAddress(long scan) {
        return (int) ((scan >>> 1) & 0b11) << 2;
    }

    private static long data(long scan) {
        return (scan >>> 3) & 0xFFFF_FFFFL;
    }
}
