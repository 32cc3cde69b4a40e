package io.bootrig.board.debug;

import io.bootrig.board.bus.BusAccess;
import io.bootrig.board.bus.BusFault;
import io.bootrig.board.bus.SystemBus;

/**
 * The Cortex-M33 Private Peripheral Bus, 0xE0000000-0xE00FFFFF, served by the core's debug model
 * rather than the SoC: DWT, FPB, SCS and the ROM table; the external PPB's DBGMCU window goes to
 * the debug APB; everything else reads as zero and ignores writes. The registers are 32-bit: a
 * narrower read returns its byte lanes, a narrower write is a bus error.
 */
final class PrivatePeripheralBus implements SystemBus {
    static final long BASE = 0xE000_0000L;
    static final long END = 0xE010_0000L;
    private static final long BLOCK = 0x1000;

    private final CortexM33 core;
    private final RomTable romTable = new RomTable();
    private final DebugApb debugApb;

    PrivatePeripheralBus(CortexM33 core, DebugApb debugApb) {
        this.core = core;
        this.debugApb = debugApb;
    }

    static boolean contains(long address) {
        return address >= BASE && address < END;
    }

    @Override
    public long read(long address, int size, BusAccess access) throws BusFault {
        if (DebugApb.isDbgmcu(address)) {
            return debugApb.read(address, size, access);
        }
        long word = address & ~3L;
        long value = readWord(word);
        return (value >>> (8 * (address & 3))) & (size == 4 ? 0xFFFF_FFFFL : (1L << (8 * size)) - 1);
    }

    @Override
    public void write(long address, int size, long value, BusAccess access) throws BusFault {
        if (DebugApb.isDbgmcu(address)) {
            debugApb.write(address, size, value, access);
            return;
        }
        if (size != 4) {
            throw new BusFault(address, "PPB registers take 32-bit writes only");
        }
        writeWord(address, value);
    }

    private long readWord(long address) {
        int offset = (int) (address & (BLOCK - 1));
        long block = address & ~(BLOCK - 1);
        if (block == DataWatchpoint.BASE) {
            return core.dwt().read(offset);
        }
        if (block == FlashPatchBreakpoint.BASE) {
            return core.fpb().read(offset);
        }
        if (block == SystemControlSpace.BASE) {
            return core.scs().read(offset);
        }
        if (block == RomTable.BASE) {
            return romTable.read(offset);
        }
        return 0;
    }

    private void writeWord(long address, long value) {
        int offset = (int) (address & (BLOCK - 1));
        long block = address & ~(BLOCK - 1);
        if (block == DataWatchpoint.BASE) {
            core.dwt().write(offset, value);
        } else if (block == FlashPatchBreakpoint.BASE) {
            core.fpb().write(offset, value);
        } else if (block == SystemControlSpace.BASE) {
            core.scs().write(offset, value);
        }
    }
}
