package io.bootrig.board.bus;

/**
 * The STM32H5's system bus as a debug access port or a firmware model sees it. Sizes are 1, 2 or
 * 4 bytes; addresses are naturally aligned for the size; values are little-endian in the low bits.
 */
public interface SystemBus {
    long read(long address, int size, BusAccess access) throws BusFault;

    void write(long address, int size, long value, BusAccess access) throws BusFault;
}
