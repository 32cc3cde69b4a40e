package io.bootrig.wolfboot;

/** Little-endian reads and writes, the byte order of every wolfBoot header, keystore and OTP field. */
public final class LittleEndian {
    private LittleEndian() {}

    public static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
    }

    public static long u32(byte[] b, int off) {
        return (b[off] & 0xFFL) | (b[off + 1] & 0xFFL) << 8 | (b[off + 2] & 0xFFL) << 16 | (b[off + 3] & 0xFFL) << 24;
    }

    public static long u64(byte[] b, int off) {
        return u32(b, off) | u32(b, off + 4) << 32;
    }

    public static void putU16(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
    }

    public static void putU32(byte[] b, int off, long v) {
        for (int i = 0; i < 4; i++) {
            b[off + i] = (byte) (v >>> (8 * i));
        }
    }

    public static void putU64(byte[] b, int off, long v) {
        putU32(b, off, v);
        putU32(b, off + 4, v >>> 32);
    }

    public static byte[] u16Bytes(int v) {
        byte[] b = new byte[2];
        putU16(b, 0, v);
        return b;
    }

    public static byte[] u32Bytes(long v) {
        byte[] b = new byte[4];
        putU32(b, 0, v);
        return b;
    }

    public static byte[] u64Bytes(long v) {
        byte[] b = new byte[8];
        putU64(b, 0, v);
        return b;
    }
}
