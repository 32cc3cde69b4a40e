package io.bootrig.board.debug;

/**
 * A JTAG host for tests: TAP moves, IR and DR scans, and ADIv5 JTAG-DP transactions on top,
 * issued the way OpenOCD's bitbang driver does (TDO sampled before each rising edge).
 */
abstract class JtagScanner {
    static final int RDBUFF = 0xC;
    private int instruction = -1;

    /** Clocks the TAP once per element and returns TDO as sampled before each rising edge. */
    protected abstract boolean[] clock(boolean[] tms, boolean[] tdi);

    void resetToIdle() {
        clock(new boolean[] {true, true, true, true, true, false}, new boolean[6]);
        instruction = JtagTap.IR_IDCODE;
    }

    /** One TCK with TMS low: Test-Logic-Reset to Run-Test/Idle. */
    void leaveReset() {
        clock(new boolean[] {false}, new boolean[1]);
    }

    long scanIr(int value) {
        instruction = value;
        return scan(true, value, JtagTap.IR_LENGTH);
    }

    long scanDr(long value, int length) {
        return scan(false, value, length);
    }

    /** One DPACC/APACC scan; returns what it captured (ACK in bits 2:0, previous result above). */
    long dapScan(int ir, boolean read, int address, long data) {
        if (instruction != ir) {
            scanIr(ir);
        }
        long request = (data << 3) | ((long) (address >> 2) << 1) | (read ? 1 : 0);
        return scanDr(request, JtagTap.DAP_SCAN_LENGTH);
    }

    long dpRead(int address) {
        dapScan(JtagTap.IR_DPACC, true, address, 0);
        return dapScan(JtagTap.IR_DPACC, true, RDBUFF, 0) >>> 3;
    }

    void dpWrite(int address, long value) {
        dapScan(JtagTap.IR_DPACC, false, address, value);
    }

    long apRead(int apsel, int register) {
        dpWrite(AdiV5DebugPort.SELECT, ((long) apsel << 24) | (register & 0xF0));
        dapScan(JtagTap.IR_APACC, true, register & 0xC, 0);
        return dapScan(JtagTap.IR_DPACC, true, RDBUFF, 0) >>> 3;
    }

    void apWrite(int apsel, int register, long value) {
        dpWrite(AdiV5DebugPort.SELECT, ((long) apsel << 24) | (register & 0xF0));
        dapScan(JtagTap.IR_APACC, false, register & 0xC, value);
    }

    void powerUp() {
        dpWrite(AdiV5DebugPort.CTRL_STAT, AdiV5DebugPort.CSYSPWRUPREQ | AdiV5DebugPort.CDBGPWRUPREQ);
    }

    long readWord(int apsel, long address) {
        apWrite(apsel, MemAp.CSW, 0xA200_0002L);
        apWrite(apsel, MemAp.TAR, address);
        return apRead(apsel, MemAp.DRW);
    }

    void writeWord(int apsel, long address, long value) {
        apWrite(apsel, MemAp.CSW, 0xA200_0002L);
        apWrite(apsel, MemAp.TAR, address);
        apWrite(apsel, MemAp.DRW, value);
    }

    private long scan(boolean ir, long value, int length) {
        int moves = ir ? 4 : 3;
        int total = moves + length + 2;
        boolean[] tms = new boolean[total];
        boolean[] tdi = new boolean[total];
        tms[0] = true; // Select-DR-Scan
        if (ir) {
            tms[1] = true; // Select-IR-Scan
        }
        for (int i = 0; i < length; i++) {
            tdi[moves + i] = ((value >>> i) & 1) != 0;
        }
        tms[moves + length - 1] = true; // Exit1
        tms[moves + length] = true; // Update
        boolean[] tdo = clock(tms, tdi);
        long captured = 0;
        for (int i = 0; i < length; i++) {
            if (tdo[moves + i]) {
                captured |= 1L << i;
            }
        }
        return captured;
    }
}
