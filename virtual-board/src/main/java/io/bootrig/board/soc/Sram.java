package io.bootrig.board.soc;

import java.util.Arrays;

/**
 * SRAM1 (256 KB), SRAM2 (64 KB) and SRAM3 (320 KB), contiguous at 0x20000000 (non-secure alias)
 * and 0x30000000 (secure alias). Kept across a system reset, zeroed at power-on.
 */
final class Sram implements MemoryMappedDevice {
    static final long NON_SECURE_BASE = 0x2000_0000L;
    static final long SECURE_BASE = 0x3000_0000L;
    static final int SIZE = 0xA_0000;

    private final byte[] cells = new byte[SIZE];

    @Override
    public long read(BusTransaction tx) {
        long value = 0;
        for (int i = tx.size() - 1; i >= 0; i--) {
            value = (value << 8) | (cells[(int) tx.offset() + i] & 0xFF);
        }
        return value;
    }

    @Override
    public void write(BusTransaction tx, long value) {
        for (int i = 0; i < tx.size(); i++) {
            cells[(int) tx.offset() + i] = (byte) (value >>> (8 * i));
        }
    }

    void powerOn() {
        Arrays.fill(cells, (byte) 0);
    }
}
