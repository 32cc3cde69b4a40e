package io.bootrig.board.debug;

import java.util.HashMap;
import java.util.Map;

/**
 * The Cortex-M33 System Control Space, 0xE000E000-0xE000EFFF, as a debugger reaches it: CPUID,
 * AIRCR (VECTKEY, SYSRESETREQ), VTOR, the fault status registers, the FP feature registers, the
 * debug registers (DHCSR, DCRSR, DCRDR, DEMCR, DSCSR, DAUTHSTATUS) and the SCS identification.
 * Plain configuration registers keep what is written; NVIC, SysTick, MPU and SAU read as zero and
 * ignore writes.
 */
final class SystemControlSpace {
    static final long BASE = 0xE000_E000L;
    static final long CPUID_VALUE = 0x410F_D214L;
    static final long MVFR0_VALUE = 0x1011_0021L;
    static final long MVFR1_VALUE = 0x1100_0011L;
    static final long MVFR2_VALUE = 0x0000_0040L;
    static final CoreSightIdentity IDENTITY = CoreSightIdentity.arm(0xD21, 0x4770_2A04L);

    static final int CPUID = 0xD00;
    static final int VTOR = 0xD08;
    static final int AIRCR = 0xD0C;
    static final int CFSR = 0xD28;
    static final int HFSR = 0xD2C;
    static final int DFSR = 0xD30;
    static final int DHCSR = 0xDF0;
    static final int DCRSR = 0xDF4;
    static final int DCRDR = 0xDF8;
    static final int DEMCR = 0xDFC;
    static final int DSCSR = 0xE08;
    static final int MVFR0 = 0xF40;
    static final int MVFR1 = 0xF44;
    static final int MVFR2 = 0xF48;
    static final int DAUTHSTATUS = 0xFB8;

    private static final long VECTKEY = 0x05FAL << 16;
    private static final long VECTKEYSTAT = 0xFA05L << 16;
    private static final long SYSRESETREQ = 1L << 2;
    private static final long AIRCR_WRITABLE = (1L << 14) | (1L << 13) | (0b111L << 8) | (1L << 3);

    /** Configuration registers that hold what is written: offset -> reset value. */
    private static final Map<Integer, Long> STORAGE_RESET_VALUES = Map.ofEntries(
            Map.entry(0x008, 0L), // ACTLR
            Map.entry(0xD10, 0L), // SCR
            Map.entry(0xD14, 0x0000_0201L), // CCR: STKOFHFNMIGN off, BFHFNMIGN off, STKALIGN, UNALIGN_TRP off
            Map.entry(0xD18, 0L), // SHPR1
            Map.entry(0xD1C, 0L), // SHPR2
            Map.entry(0xD20, 0L), // SHPR3
            Map.entry(0xD24, 0L), // SHCSR
            Map.entry(0xD34, 0L), // MMFAR
            Map.entry(0xD38, 0L), // BFAR
            Map.entry(0xD3C, 0L), // AFSR
            Map.entry(0xD88, 0L), // CPACR
            Map.entry(0xD8C, 0L), // NSACR
            Map.entry(0xE04, 0L), // DAUTHCTRL
            Map.entry(0xF34, 0xC000_0004L), // FPCCR: ASPEN, LSPEN, S
            Map.entry(0xF38, 0L), // FPCAR
            Map.entry(0xF3C, 0L)); // FPDSCR

    private final CortexM33 core;
    private final Map<Integer, Long> storage = new HashMap<>();
    private long aircr;
    private long cfsr;
    private long hfsr;

    SystemControlSpace(CortexM33 core) {
        this.core = core;
        reset();
    }

    long read(int offset) {
        return switch (offset) {
            case CPUID -> CPUID_VALUE;
            case VTOR -> core.readVtor();
            case AIRCR -> VECTKEYSTAT | aircr;
            case CFSR -> cfsr;
            case HFSR -> hfsr;
            case DFSR -> core.readDfsr();
            case DHCSR -> core.readDhcsr();
            case DCRDR -> core.readDcrdr();
            case DEMCR -> core.readDemcr();
            case DSCSR -> core.readDscsr();
            case MVFR0 -> MVFR0_VALUE;
            case MVFR1 -> MVFR1_VALUE;
            case MVFR2 -> MVFR2_VALUE;
            case DAUTHSTATUS -> core.readDauthstatus();
            default -> {
                if (CoreSightIdentity.isIdentificationOffset(offset)) {
                    yield IDENTITY.read(offset);
                }
                yield storage.getOrDefault(offset, 0L); // DCRSR is write-only
            }
        };
    }

    void write(int offset, long value) {
        switch (offset) {
            case VTOR -> core.writeVtor(value);
            case AIRCR -> writeAircr(value);
            case CFSR -> cfsr &= ~value;
            case HFSR -> hfsr &= ~value;
            case DFSR -> core.writeDfsr(value);
            case DHCSR -> core.writeDhcsr(value);
            case DCRSR -> core.writeDcrsr(value);
            case DCRDR -> core.writeDcrdr(value);
            case DEMCR -> core.writeDemcr(value);
            case DSCSR -> core.writeDscsr(value);
            default -> {
                if (storage.containsKey(offset)) {
                    storage.put(offset, value & 0xFFFF_FFFFL);
                }
            }
        }
    }

    /** The system reset values of the SCB registers (the debug registers are the core's). */
    void reset() {
        storage.clear();
        storage.putAll(STORAGE_RESET_VALUES);
        aircr = 0;
        cfsr = 0;
        hfsr = 0;
    }

    private void writeAircr(long value) {
        if ((value & 0xFFFF_0000L) != VECTKEY) {
            return;
        }
        aircr = value & AIRCR_WRITABLE;
        if ((value & SYSRESETREQ) != 0) {
            core.systemResetRequest();
        }
    }
}
