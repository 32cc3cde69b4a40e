package io.bootrig.board.soc;

import io.bootrig.board.bus.BusFault;

/** A slave on the system bus; it sees offsets inside the region that decoded the access. */
interface MemoryMappedDevice {
    long read(BusTransaction tx) throws BusFault;

    void write(BusTransaction tx, long value) throws BusFault;
}
