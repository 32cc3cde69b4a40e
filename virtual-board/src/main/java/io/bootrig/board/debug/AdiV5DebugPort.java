package io.bootrig.board.debug;

import io.bootrig.board.bus.BusFault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ADIv5 debug port (DPv2 register set) with JTAG-DP semantics: CTRL/STAT with the power-up
 * request/acknowledge handshake, sticky flags cleared by writing 1, SELECT, RDBUFF (reads as
 * zero on JTAG: the posted result travels in the scan), and the rule that AP accesses are
 * discarded while a sticky error is set.
 */
final class AdiV5DebugPort {
    static final int DPIDR = 0x0;
    static final int CTRL_STAT = 0x4;
    static final int SELECT = 0x8;
    static final int RDBUFF = 0xC;

    static final long CSYSPWRUPACK = 1L << 31;
    static final long CSYSPWRUPREQ = 1L << 30;
    static final long CDBGPWRUPACK = 1L << 29;
    static final long CDBGPWRUPREQ = 1L << 28;
    static final long CDBGRSTACK = 1L << 27;
    static final long CDBGRSTREQ = 1L << 26;
    static final long READOK = 1L << 6;
    static final long STICKYERR = 1L << 5;
    static final long STICKYCMP = 1L << 4;
    static final long STICKYORUN = 1L << 1;
    static final long ORUNDETECT = 1L;

    private static final long TRNCNT = 0xFFFL << 12;
    private static final long MASKLANE = 0xFL << 8;
    private static final long TRNMODE = 0b11L << 2;
    private static final long STICKY_W1C = STICKYERR | STICKYCMP | STICKYORUN;
    private static final long CTRL_WRITABLE =
            CSYSPWRUPREQ | CDBGPWRUPREQ | CDBGRSTREQ | TRNCNT | MASKLANE | TRNMODE | ORUNDETECT;
    private static final int TRNMODE_PUSHED_VERIFY = 0b01;
    private static final int TRNMODE_PUSHED_COMPARE = 0b10;

    private static final Logger log = LoggerFactory.getLogger(AdiV5DebugPort.class);

    private final long dpidr;
    private final long targetId;
    private final AccessPort[] accessPorts = new AccessPort[256];
    private final DapCounters counters;

    private long ctrlStat;
    private long select;

    /**
     * @param dpidr    the DPIDR value (the SWD identification; the JTAG IDCODE is the TAP's)
     * @param targetId TARGETID (DP bank 2)
     */
    AdiV5DebugPort(long dpidr, long targetId, DapCounters counters) {
        this.dpidr = dpidr;
        this.targetId = targetId;
        this.counters = counters;
    }

    void connect(int apsel, AccessPort accessPort) {
        accessPorts[apsel] = accessPort;
    }

    long readDp(int address) {
        counters.increment(DapTransaction.DP_READ);
        return switch (address) {
            case DPIDR -> dpidr;
            case CTRL_STAT -> readBankedCtrlStat();
            case SELECT -> select;
            default -> 0; // RDBUFF reads as zero on a JTAG-DP
        };
    }

    void writeDp(int address, long value) {
        counters.increment(DapTransaction.DP_WRITE);
        switch (address) {
            case CTRL_STAT -> {
                if (dpBank() == 0) {
                    writeCtrlStat(value);
                }
            }
            case SELECT -> select = value;
            default -> { } // 0x0 is ABORT on SW-DP only; RDBUFF is read-only
        }
    }

    long readAp(int address) {
        counters.increment(DapTransaction.AP_READ);
        if (apAccessBlocked()) {
            counters.increment(DapTransaction.AP_DISCARDED);
            return 0;
        }
        AccessPort ap = selectedAp();
        if (ap == null) {
            return 0;
        }
        try {
            long value = ap.read(apRegister(address)) & 0xFFFF_FFFFL;
            ctrlStat |= READOK;
            return value;
        } catch (BusFault fault) {
            stickyError(fault);
            return 0;
        }
    }

    void writeAp(int address, long value) {
        counters.increment(DapTransaction.AP_WRITE);
        if (apAccessBlocked()) {
            counters.increment(DapTransaction.AP_DISCARDED);
            return;
        }
        AccessPort ap = selectedAp();
        if (ap == null) {
            return;
        }
        try {
            int mode = (int) ((ctrlStat & TRNMODE) >>> 2);
            if (mode == TRNMODE_PUSHED_VERIFY || mode == TRNMODE_PUSHED_COMPARE) {
                pushedOperation(ap, apRegister(address), value, mode);
            } else {
                ap.write(apRegister(address), value & 0xFFFF_FFFFL);
            }
        } catch (BusFault fault) {
            stickyError(fault);
        }
    }

    /** JTAG-DP ABORT: DAPABORT cancels a transaction in progress; none ever is. */
    void abort(long value) {
        counters.increment(DapTransaction.ABORT);
    }

    void powerOnReset() {
        ctrlStat = 0;
        select = 0;
        for (AccessPort ap : accessPorts) {
            if (ap != null) {
                ap.reset();
            }
        }
    }

    long ctrlStat() {
        return ctrlStat;
    }

    private long readBankedCtrlStat() {
        return switch (dpBank()) {
            case 0 -> ctrlStat;
            case 2 -> targetId;
            case 3 -> 0x0000_0001L; // DLPIDR: SWD protocol version 1, instance 0
            default -> 0; // DLCR and EVENTSTAT
        };
    }

    private void writeCtrlStat(long value) {
        long stickies = (ctrlStat & STICKY_W1C) & ~value;
        long control = value & CTRL_WRITABLE;
        long acks = 0;
        if ((control & CSYSPWRUPREQ) != 0) {
            acks |= CSYSPWRUPACK;
        }
        if ((control & CDBGPWRUPREQ) != 0) {
            acks |= CDBGPWRUPACK;
        }
        if ((control & CDBGRSTREQ) != 0) {
            acks |= CDBGRSTACK;
        }
        ctrlStat = control | acks | stickies | (ctrlStat & READOK);
    }

    private boolean apAccessBlocked() {
        if ((ctrlStat & (STICKYERR | STICKYCMP)) != 0) {
            return true;
        }
        if ((ctrlStat & ORUNDETECT) != 0 && (ctrlStat & STICKYORUN) != 0) {
            return true;
        }
        if ((ctrlStat & CDBGPWRUPACK) == 0) {
            // The APs sit in the debug power domain, which is off.
            ctrlStat |= STICKYERR;
            return true;
        }
        return false;
    }

    private void pushedOperation(AccessPort ap, int register, long expected, int mode) throws BusFault {
        long mask = 0;
        for (int lane = 0; lane < 4; lane++) {
            if ((ctrlStat & (1L << (8 + lane))) != 0) {
                mask |= 0xFFL << (8 * lane);
            }
        }
        boolean equal = ((ap.read(register) ^ expected) & mask) == 0;
        if ((mode == TRNMODE_PUSHED_VERIFY) != equal) {
            ctrlStat |= STICKYCMP;
        }
    }

    private void stickyError(BusFault fault) {
        counters.increment(DapTransaction.AP_FAULT);
        ctrlStat = (ctrlStat | STICKYERR) & ~READOK;
        log.debug("AP access faulted: {}", fault.getMessage());
    }

    private AccessPort selectedAp() {
        return accessPorts[(int) (select >>> 24) & 0xFF];
    }

    private int apRegister(int address) {
        return (int) (select & 0xF0) | address;
    }

    private int dpBank() {
        return (int) (select & 0xF);
    }
}
