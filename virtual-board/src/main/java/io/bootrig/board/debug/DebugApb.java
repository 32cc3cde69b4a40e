package io.bootrig.board.debug;

import io.bootrig.board.bus.BusAccess;
import io.bootrig.board.bus.BusFault;
import io.bootrig.board.bus.SystemBus;

/**
 * The STM32H5 debug APB (APB-D) behind AP0: the DBGMCU registers at 0xE0044000, which are the
 * SoC's DBGMCU at 0x44024000 seen through their debug alias. Nothing else is modelled on it.
 */
final class DebugApb implements SystemBus {
    static final long DBGMCU_DEBUG_ALIAS = 0xE004_4000L;
    static final long DBGMCU_SYSTEM_ADDRESS = 0x4402_4000L;
    static final long DBGMCU_SIZE = 0x400;

    private final SystemBus systemBus;

    DebugApb(SystemBus systemBus) {
        this.systemBus = systemBus;
    }

    static boolean isDbgmcu(long address) {
        return address >= DBGMCU_DEBUG_ALIAS && address < DBGMCU_DEBUG_ALIAS + DBGMCU_SIZE;
    }

    @Override
    public long read(long address, int size, BusAccess access) throws BusFault {
        return systemBus.read(systemAddress(address), size, access);
    }

    @Override
    public void write(long address, int size, long value, BusAccess access) throws BusFault {
        systemBus.write(systemAddress(address), size, value, access);
    }

    private static long systemAddress(long address) throws BusFault {
        if (!isDbgmcu(address)) {
            throw new BusFault(address, "no debug APB slave");
        }
        return DBGMCU_SYSTEM_ADDRESS + (address - DBGMCU_DEBUG_ALIAS);
    }
}
