package io.bootrig.board.debug;

import io.bootrig.board.bus.BusAccess;
import io.bootrig.board.bus.BusFault;
import io.bootrig.board.bus.SystemBus;

/** What the Cortex-M33's AHB5-AP (AP1) reaches: the core's PPB, and the SoC's system bus for every other address. */
final class ProcessorBus implements SystemBus {
    private final PrivatePeripheralBus ppb;
    private final SystemBus systemBus;

    ProcessorBus(PrivatePeripheralBus ppb, SystemBus systemBus) {
        this.ppb = ppb;
        this.systemBus = systemBus;
    }

    @Override
    public long read(long address, int size, BusAccess access) throws BusFault {
        return PrivatePeripheralBus.contains(address)
                ? ppb.read(address, size, access)
                : systemBus.read(address, size, access);
    }

    @Override
    public void write(long address, int size, long value, BusAccess access) throws BusFault {
        if (PrivatePeripheralBus.contains(address)) {
            ppb.write(address, size, value, access);
        } else {
            systemBus.write(address, size, value, access);
        }
    }
}
