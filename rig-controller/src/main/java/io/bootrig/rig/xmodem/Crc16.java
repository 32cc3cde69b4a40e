package io.bootrig.rig.xmodem;

/** CRC-16/XMODEM: polynomial 0x1021, initial value 0, no reflection, no final XOR. */
public final class Crc16 {
    private static final int[] TABLE = table();

    private Crc16() {}

    public static int of(byte[] data, int offset, int length) {
        int crc = 0;
        for (int i = offset; i < offset + length; i++) {
            crc = ((crc << 8) ^ TABLE[((crc >>> 8) ^ data[i]) & 0xFF]) & 0xFFFF;
        }
        return crc;
    }

    private static int[] table() {
        int[] t = new int[256];
        for (int b = 0; b < 256; b++) {
            int c = b << 8;
            for (int bit = 0; bit < 8; bit++) {
                c = (c & 0x8000) != 0 ? (c << 1) ^ 0x1021 : c << 1;
            }
            t[b] = c & 0xFFFF;
        }
        return t;
    }
}
