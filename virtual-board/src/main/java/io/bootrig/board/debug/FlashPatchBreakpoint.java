package io.bootrig.board.debug;

/**
 * The Cortex-M33 FPB (architecture revision 2) at 0xE0002000: FP_CTRL with KEY/ENABLE, eight
 * instruction comparators FP_COMP0-7 holding BPADDR[31:1] and BE (bit 0).
 */
final class FlashPatchBreakpoint {
    static final long BASE = 0xE000_2000L;
    static final int COMPARATORS = 8;
    static final CoreSightIdentity IDENTITY = CoreSightIdentity.arm(0xD21, 0x4770_1A03L);

    private static final int FP_CTRL = 0x000;
    private static final int FP_COMP0 = 0x008;
    private static final long REV2 = 1L << 28;
    private static final long NUM_CODE = (long) COMPARATORS << 4;
    private static final long KEY = 1L << 1;
    private static final long ENABLE = 1L;

    private final long[] comparators = new long[COMPARATORS];
    private boolean enabled;

    long read(int offset) {
        if (offset == FP_CTRL) {
            return REV2 | NUM_CODE | (enabled ? ENABLE : 0);
        }
        if (isComparator(offset)) {
            return comparators[(offset - FP_COMP0) / 4];
        }
        if (CoreSightIdentity.isIdentificationOffset(offset)) {
            return IDENTITY.read(offset);
        }
        return 0; // FP_REMAP (0x004) is RAZ in revision 2
    }

    void write(int offset, long value) {
        if (offset == FP_CTRL && (value & KEY) != 0) {
            enabled = (value & ENABLE) != 0;
        } else if (isComparator(offset)) {
            comparators[(offset - FP_COMP0) / 4] = value & 0xFFFF_FFFFL;
        }
    }

    /** True when the unit is enabled and a comparator with BE set holds this instruction address. */
    boolean breaksAt(long pc) {
        if (!enabled) {
            return false;
        }
        for (long comparator : comparators) {
            if ((comparator & 1) != 0 && (comparator & ~1L) == (pc & 0xFFFF_FFFEL)) {
                return true;
            }
        }
        return false;
    }

    void reset() {
        enabled = false;
        java.util.Arrays.fill(comparators, 0);
    }

    private static boolean isComparator(int offset) {
        return offset >= FP_COMP0 && offset < FP_COMP0 + 4 * COMPARATORS;
    }
}
