package io.bootrig.board.debug;

/**
 * The ARM JTAG-DP's TAP: a 4-bit instruction register selecting IDCODE, BYPASS or one of the
 * 35-bit DP scan chains (DPACC, APACC, ABORT). The TAP advances on the rising edge of TCK;
 * TDO shows the low bit of the register being shifted.
 */
final class JtagTap {
    static final int IR_ABORT = 0x8;
    static final int IR_DPACC = 0xA;
    static final int IR_APACC = 0xB;
    static final int IR_IDCODE = 0xE;
    static final int IR_BYPASS = 0xF;

    static final int IR_LENGTH = 4;
    static final int IR_CAPTURE = 0b0001;
    static final int DAP_SCAN_LENGTH = 35;

    private final long idcode;
    private final JtagDpScans dpScans;

    private TapState state = TapState.TEST_LOGIC_RESET;
    private int instruction = IR_IDCODE;
    private int irShift;
    private long drShift;
    private int drLength = 32;
    private boolean tck;
    private boolean trstAsserted;

    JtagTap(long idcode, JtagDpScans dpScans) {
        this.idcode = idcode;
        this.dpScans = dpScans;
    }

    /** Sets the three pins the adapter drives; the TAP acts on a TCK rising edge. */
    void drive(boolean tck, boolean tms, boolean tdi) {
        boolean risingEdge = tck && !this.tck;
        this.tck = tck;
        if (risingEdge && !trstAsserted) {
            clock(tms, tdi);
        }
    }

    boolean tdo() {
        return switch (state) {
            case SHIFT_DR -> (drShift & 1) != 0;
            case SHIFT_IR -> (irShift & 1) != 0;
            default -> false;
        };
    }

    /** nTRST: while asserted the TAP stays in Test-Logic-Reset. */
    void testReset(boolean asserted) {
        trstAsserted = asserted;
        if (asserted) {
            reset();
        }
    }

    /** Power-on reset of the TAP. */
    void reset() {
        state = TapState.TEST_LOGIC_RESET;
        instruction = IR_IDCODE;
    }

    TapState state() {
        return state;
    }

    int instruction() {
        return instruction;
    }

    private void clock(boolean tms, boolean tdi) {
        switch (state) {
            case CAPTURE_DR -> captureDataRegister();
            case SHIFT_DR -> drShift = (drShift >>> 1) | ((tdi ? 1L : 0L) << (drLength - 1));
            case CAPTURE_IR -> irShift = IR_CAPTURE;
            case SHIFT_IR -> irShift = (irShift >>> 1) | ((tdi ? 1 : 0) << (IR_LENGTH - 1));
            default -> { }
        }
        state = state.next(tms);
        switch (state) {
            case UPDATE_DR -> updateDataRegister();
            case UPDATE_IR -> instruction = irShift;
            case TEST_LOGIC_RESET -> instruction = IR_IDCODE;
            default -> { }
        }
    }

    private void captureDataRegister() {
        switch (instruction) {
            case IR_IDCODE -> {
                drLength = 32;
                drShift = idcode;
            }
            case IR_DPACC, IR_APACC, IR_ABORT -> {
                drLength = DAP_SCAN_LENGTH;
                drShift = dpScans.capture();
            }
            default -> {
                drLength = 1;
                drShift = 0;
            }
        }
    }

    private void updateDataRegister() {
        long scanned = drShift & ((1L << drLength) - 1);
        switch (instruction) {
            case IR_DPACC -> dpScans.dpAccess(scanned);
            case IR_APACC -> dpScans.apAccess(scanned);
            case IR_ABORT -> dpScans.abort(scanned);
            default -> { }
        }
    }
}
