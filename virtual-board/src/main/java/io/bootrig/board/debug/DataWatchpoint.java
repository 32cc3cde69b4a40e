package io.bootrig.board.debug;

/**
 * The Cortex-M33 DWT (ARMv8-M layout) at 0xE0001000: DWT_CTRL with NUMCOMP=4, CYCCNT and four
 * comparators (COMPn at 0x20 + 16n, FUNCTIONn at 0x28 + 16n). The registers hold what the debugger
 * writes; since the core executes nothing, no comparator ever matches and CYCCNT does not count.
 */
final class DataWatchpoint {
    static final long BASE = 0xE000_1000L;
    static final int COMPARATORS = 4;
    static final CoreSightIdentity IDENTITY = CoreSightIdentity.arm(0xD21, 0x4770_1A02L);

    private static final int DWT_CTRL = 0x000;
    private static final int CYCCNT = 0x004;
    private static final int COMP0 = 0x020;
    private static final long NUMCOMP = (long) COMPARATORS << 28;
    private static final long CTRL_WRITABLE = 0x007F_FFFFL;
    private static final long FUNCTION_WRITABLE = 0x0000_0C3FL; // DATAVSIZE, ACTION, MATCH

    private long control;
    private long cycleCount;
    private final long[] comparators = new long[COMPARATORS];
    private final long[] functions = new long[COMPARATORS];

    long read(int offset) {
        if (offset == DWT_CTRL) {
            return NUMCOMP | control;
        }
        if (offset == CYCCNT) {
            return cycleCount;
        }
        if (isComparatorBlock(offset)) {
            int n = (offset - COMP0) / 16;
            return switch ((offset - COMP0) % 16) {
                case 0x0 -> comparators[n];
                case 0x8 -> functions[n];
                default -> 0;
            };
        }
        if (CoreSightIdentity.isIdentificationOffset(offset)) {
            return IDENTITY.read(offset);
        }
        return 0;
    }

    void write(int offset, long value) {
        if (offset == DWT_CTRL) {
            control = value & CTRL_WRITABLE;
        } else if (offset == CYCCNT) {
            cycleCount = value & 0xFFFF_FFFFL;
        } else if (isComparatorBlock(offset)) {
            int n = (offset - COMP0) / 16;
            switch ((offset - COMP0) % 16) {
                case 0x0 -> comparators[n] = value & 0xFFFF_FFFFL;
                case 0x8 -> functions[n] = value & FUNCTION_WRITABLE;
                default -> { }
            }
        }
    }

    void reset() {
        control = 0;
        cycleCount = 0;
        java.util.Arrays.fill(comparators, 0);
        java.util.Arrays.fill(functions, 0);
    }

    private static boolean isComparatorBlock(int offset) {
        return offset >= COMP0 && offset < COMP0 + 16 * COMPARATORS;
    }
}
