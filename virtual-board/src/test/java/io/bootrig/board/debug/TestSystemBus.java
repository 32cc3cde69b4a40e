package io.bootrig.board.debug;

import io.bootrig.board.bus.BusAccess;
import io.bootrig.board.bus.BusFault;
import io.bootrig.board.bus.SystemBus;
import java.util.ArrayList;
import java.util.List;

/**
 * A small stand-in for the SoC: read-only flash at 0x08000000 with a vector table, RAM at
 * 0x20000000, a secure-only RAM at 0x30000000, the DBGMCU at 0x44024000; bus errors elsewhere.
 */
final class TestSystemBus implements SystemBus {
    static final long FLASH = 0x0800_0000L;
    static final int FLASH_SIZE = 128 * 1024;
    static final long RAM = 0x2000_0000L;
    static final int RAM_SIZE = 640 * 1024;
    static final long SECURE_RAM = 0x3000_0000L;
    static final int SECURE_RAM_SIZE = 64 * 1024;
    static final long DBGMCU = 0x4402_4000L;
    static final long DBGMCU_IDCODE = 0x1000_6484L;
    static final long INITIAL_SP = 0x200A_0000L;
    static final long RESET_HANDLER = 0x0800_0101L;

    private final byte[] flash = new byte[FLASH_SIZE];
    private final byte[] ram = new byte[RAM_SIZE];
    private final byte[] secureRam = new byte[SECURE_RAM_SIZE];
    private final long[] dbgmcu = new long[0x400 / 4];
    private final List<BusAccess> accesses = new ArrayList<>();

    TestSystemBus() {
        java.util.Arrays.fill(flash, (byte) 0xFF);
        vectorTable(FLASH, INITIAL_SP, RESET_HANDLER);
        dbgmcu[0] = DBGMCU_IDCODE;
    }

    /** Writes an initial SP and a reset vector into flash or RAM. */
    void vectorTable(long address, long sp, long resetVector) {
        put(address, 4, sp);
        put(address + 4, 4, resetVector);
    }

    byte[] ram() {
        return ram;
    }

    long dbgmcuRegister(int offset) {
        synchronized (this) {
            return dbgmcu[offset / 4];
        }
    }

    synchronized BusAccess lastAccess() {
        return accesses.isEmpty() ? null : accesses.get(accesses.size() - 1);
    }

    synchronized void forgetAccesses() {
        accesses.clear();
    }

    @Override
    public synchronized long read(long address, int size, BusAccess access) throws BusFault {
        accesses.add(access);
        if (inside(address, size, DBGMCU, dbgmcu.length * 4)) {
            return (dbgmcu[(int) (address - DBGMCU) / 4] >>> (8 * (address & 3))) & mask(size);
        }
        byte[] memory = memoryAt(address, size, access);
        int offset = (int) (address - base(memory));
        long value = 0;
        for (int i = size - 1; i >= 0; i--) {
            value = (value << 8) | (memory[offset + i] & 0xFF);
        }
        return value;
    }

    @Override
    public synchronized void write(long address, int size, long value, BusAccess access) throws BusFault {
        accesses.add(access);
        if (inside(address, size, DBGMCU, dbgmcu.length * 4)) {
            if (address != DBGMCU) {
                int index = (int) (address - DBGMCU) / 4;
                int shift = 8 * (int) (address & 3);
                dbgmcu[index] = (dbgmcu[index] & ~(mask(size) << shift)) | ((value & mask(size)) << shift);
            }
            return;
        }
        byte[] memory = memoryAt(address, size, access);
        if (memory == flash) {
            throw new BusFault(address, "flash is programmed through its controller");
        }
        int offset = (int) (address - base(memory));
        for (int i = 0; i < size; i++) {
            memory[offset + i] = (byte) (value >>> (8 * i));
        }
    }

    private void put(long address, int size, long value) {
        byte[] memory = address >= RAM ? ram : flash;
        int offset = (int) (address - base(memory));
        for (int i = 0; i < size; i++) {
            memory[offset + i] = (byte) (value >>> (8 * i));
        }
    }

    private byte[] memoryAt(long address, int size, BusAccess access) throws BusFault {
        if (inside(address, size, FLASH, FLASH_SIZE)) {
            return flash;
        }
        if (inside(address, size, RAM, RAM_SIZE)) {
            return ram;
        }
        if (inside(address, size, SECURE_RAM, SECURE_RAM_SIZE)) {
            if (!access.secure()) {
                throw new BusFault(address, "non-secure access to secure RAM");
            }
            return secureRam;
        }
        throw new BusFault(address, "no slave");
    }

    private long base(byte[] memory) {
        return memory == flash ? FLASH : memory == ram ? RAM : SECURE_RAM;
    }

    private static boolean inside(long address, int size, long base, int length) {
        return address >= base && address + size <= base + length;
    }

    private static long mask(int size) {
        return size == 4 ? 0xFFFF_FFFFL : (1L << (8 * size)) - 1;
    }
}
