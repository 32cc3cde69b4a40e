package io.bootrig.board.soc;

import io.bootrig.board.bus.BusFault;

/**
 * The read-only identification words at 0x08FFF800: the 96-bit unique ID, the flash size in KB
 * (0x08FFF80C) and the package code (0x08FFF80E).
 */
final class DeviceInfo implements MemoryMappedDevice {
    static final long BASE = 0x08FF_F800L;
    static final int SIZE = 0x10;
    static final int FLASH_SIZE_KB = 2048;
    /** LL_UTILS_PACKAGETYPE_LQFP144 (stm32h5xx_ll_utils.h): the NUCLEO-H563ZI's STM32H563ZIT6. */
    static final int PACKAGE_LQFP144 = 0x0004;

    private final byte[] bytes = new byte[SIZE];

    DeviceInfo(byte[] uid) {
        if (uid.length != 12) {
            throw new IllegalArgumentException("the unique ID is 12 bytes, got " + uid.length);
        }
        System.arraycopy(uid, 0, bytes, 0, 12);
        bytes[12] = (byte) FLASH_SIZE_KB;
        bytes[13] = (byte) (FLASH_SIZE_KB >>> 8);
        bytes[14] = (byte) PACKAGE_LQFP144;
        bytes[15] = (byte) (PACKAGE_LQFP144 >>> 8);
    }

    byte[] uid() {
        return java.util.Arrays.copyOf(bytes, 12);
    }

    @Override
    public long read(BusTransaction tx) {
        long value = 0;
        for (int i = tx.size() - 1; i >= 0; i--) {
            value = (value << 8) | (bytes[(int) tx.offset() + i] & 0xFF);
        }
        return value;
    }

    @Override
    public void write(BusTransaction tx, long value) throws BusFault {
        throw tx.fault("device identification area is read-only");
    }
}
