package io.bootrig.board.debug;

/**
 * The Cortex-M33 debug ROM table at 0xE00FF000 (AP1's BASE): entries for the SCS, DWT and FPB,
 * then the end marker. Its identification is ST's, part number 0x484 (the device ID), as STM32
 * ROM tables carry.
 */
final class RomTable {
    static final long BASE = 0xE00F_F000L;
    static final CoreSightIdentity IDENTITY = new CoreSightIdentity(0, 0x20, 0x484, 0x1, 0, 0);

    private static final int MEMTYPE = 0xFCC;
    private static final long SYSTEM_MEMORY_PRESENT = 1;
    private static final long ENTRY_PRESENT_ADIV5 = 0b11;
    private static final long[] COMPONENTS = {SystemControlSpace.BASE, DataWatchpoint.BASE, FlashPatchBreakpoint.BASE};

    long read(int offset) {
        if (offset % 4 == 0 && offset / 4 < COMPONENTS.length) {
            long relative = (COMPONENTS[offset / 4] - BASE) & 0xFFFF_F000L;
            return relative | ENTRY_PRESENT_ADIV5;
        }
        if (offset == MEMTYPE) {
            return SYSTEM_MEMORY_PRESENT;
        }
        if (CoreSightIdentity.isIdentificationOffset(offset)) {
            return IDENTITY.read(offset);
        }
        return 0;
    }
}
