package io.bootrig.board.debug;

/**
 * The Cortex-M33's registers in the DCRSR.REGSEL numbering (7 bits, 128 slots), with the ARMv8-M
 * aliases resolved: SP is MSP or PSP (CONTROL.SPSEL, handler mode), and MSP, PSP and the
 * CONTROL/FAULTMASK/BASEPRI/PRIMASK word are the banked copy of the current security state.
 */
final class CoreRegisterFile {
    static final int SP = 13;
    static final int LR = 14;
    static final int DEBUG_RETURN_ADDRESS = 15;
    static final int XPSR = 16;
    static final int MSP = 17;
    static final int PSP = 18;
    static final int CONTROL_PRIMASK = 20;
    static final int MSP_NS = 0x18;
    static final int PSP_NS = 0x19;
    static final int MSP_S = 0x1A;
    static final int PSP_S = 0x1B;
    static final int MSPLIM_S = 0x1C;
    static final int PSPLIM_S = 0x1D;
    static final int MSPLIM_NS = 0x1E;
    static final int PSPLIM_NS = 0x1F;
    static final int FPSCR = 0x21;
    static final int CONTROL_PRIMASK_S = 0x22;
    static final int CONTROL_PRIMASK_NS = 0x23;
    static final int S0 = 0x40;
    static final int S31 = 0x5F;

    static final long THUMB = 1L << 24;
    private static final long SPSEL = 1L << 25; // CONTROL bit 1 in the packed word
    private static final long IPSR = 0x1FF;

    private final long[] values = new long[128];
    private boolean secure;

    void securityState(boolean secure) {
        this.secure = secure;
    }

    boolean secure() {
        return secure;
    }

    long read(int regsel) {
        return values[resolve(regsel & 0x7F)];
    }

    void write(int regsel, long value) {
        int slot = resolve(regsel & 0x7F);
        long word = value & 0xFFFF_FFFFL;
        values[slot] = slot == DEBUG_RETURN_ADDRESS ? word & ~1L : word;
    }

    /** True for registers only secure debug may see: the secure banked stack pointers, limits and CONTROL word. */
    boolean isSecureOnly(int regsel) {
        int slot = resolve(regsel & 0x7F);
        return slot == MSP_S || slot == PSP_S || slot == MSPLIM_S || slot == PSPLIM_S
                || slot == CONTROL_PRIMASK_S;
    }

    long pc() {
        return values[DEBUG_RETURN_ADDRESS];
    }

    void pc(long address) {
        values[DEBUG_RETURN_ADDRESS] = address & 0xFFFF_FFFEL;
    }

    /** The architectural reset: registers cleared, LR = 0xFFFFFFFF, MSP and PC from the vector table. */
    void reset(boolean secure, long initialMsp, long resetVector) {
        java.util.Arrays.fill(values, 0);
        this.secure = secure;
        values[LR] = 0xFFFF_FFFFL;
        values[secure ? MSP_S : MSP_NS] = initialMsp & 0xFFFF_FFFCL;
        pc(resetVector);
        values[XPSR] = (resetVector & 1) != 0 ? THUMB : 0;
    }

    private int resolve(int regsel) {
        return switch (regsel) {
            case SP -> usesProcessStack() ? resolve(PSP) : resolve(MSP);
            case MSP -> secure ? MSP_S : MSP_NS;
            case PSP -> secure ? PSP_S : PSP_NS;
            case CONTROL_PRIMASK -> secure ? CONTROL_PRIMASK_S : CONTROL_PRIMASK_NS;
            default -> regsel;
        };
    }

    private boolean usesProcessStack() {
        boolean threadMode = (values[XPSR] & IPSR) == 0;
        return threadMode && (values[resolve(CONTROL_PRIMASK)] & SPSEL) != 0;
    }
}
