package io.bootrig.rig.xmodem;

/** The original XMODEM check: the arithmetic sum of the data bytes, modulo 256. */
public final class Checksum {
    private Checksum() {}

    public static int of(byte[] data, int offset, int length) {
        int sum = 0;
        for (int i = offset; i < offset + length; i++) {
            sum += data[i] & 0xFF;
        }
        return sum & 0xFF;
    }
}
