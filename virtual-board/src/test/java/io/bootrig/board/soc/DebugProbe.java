package io.bootrig.board.soc;

import io.bootrig.board.bus.BusAccess;
import io.bootrig.board.bus.BusFault;
import io.bootrig.board.bus.SystemBus;

/** OpenOCD's memory commands (mdw/mww/mdh/mwh/mdb/mwb) over a SystemBus, with one AP's attributes. */
final class DebugProbe {
    private final SystemBus bus;
    private final BusAccess access;

    private DebugProbe(SystemBus bus, BusAccess access) {
        this.bus = bus;
        this.access = access;
    }

    /** OpenOCD's default AP CSW: secure, privileged. */
    static DebugProbe secure(SystemBus bus) {
        return new DebugProbe(bus, BusAccess.debugSecure("AP1"));
    }

    /** {@code apcsw 0x4B000000 0x4F000000}: non-secure. */
    static DebugProbe nonSecure(SystemBus bus) {
        return new DebugProbe(bus, BusAccess.debugNonSecure("AP1"));
    }

    long mdw(long address) throws BusFault {
        return bus.read(address, 4, access);
    }

    void mww(long address, long value) throws BusFault {
        bus.write(address, 4, value, access);
    }

    int mdh(long address) throws BusFault {
        return (int) bus.read(address, 2, access);
    }

    void mwh(long address, int value) throws BusFault {
        bus.write(address, 2, value, access);
    }

    int mdb(long address) throws BusFault {
        return (int) bus.read(address, 1, access);
    }

    void mwb(long address, int value) throws BusFault {
        bus.write(address, 1, value, access);
    }

    /** {@code mmw address setbits clearbits}. */
    void mmw(long address, long setBits, long clearBits) throws BusFault {
        mww(address, (mdw(address) & ~clearBits) | setBits);
    }
}
