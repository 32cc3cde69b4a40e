package io.bootrig.rig.xmodem;

import java.util.Arrays;
import java.util.Optional;

/** One XMODEM data packet: SOH or STX, block number, its complement, the data, the check (1 or 2 bytes). */
public final class XmodemPacket {
    private final int number;
    private final BlockSize size;
    private final ErrorCheck check;
    private final byte[] data;

    private XmodemPacket(int number, BlockSize size, ErrorCheck check, byte[] data) {
        this.number = number & 0xFF;
        this.size = size;
        this.check = check;
        this.data = data;
    }

    /** A packet carrying {@code length} bytes of {@code source}, padded to the block size with 0x1A. */
    public static XmodemPacket of(int number, byte[] source, int offset, int length, BlockSize size, ErrorCheck check) {
        if (length < 1 || length > size.bytes()) {
            throw new IllegalArgumentException("a " + size.bytes() + "-byte block cannot carry " + length + " bytes");
        }
        byte[] data = new byte[size.bytes()];
        System.arraycopy(source, offset, data, 0, length);
        Arrays.fill(data, length, data.length, ControlByte.PAD);
        return new XmodemPacket(number, size, check, data);
    }

    /** Bytes on the wire for a packet of this size and check. */
    public static int wireLength(BlockSize size, ErrorCheck check) {
        return 3 + size.bytes() + check.length();
    }

    /**
     * Reads a whole packet as received (starting with SOH or STX).
     *
     * @return empty when the number's complement or the check is wrong
     */
    public static Optional<XmodemPacket> decode(byte[] raw, ErrorCheck check) {
        BlockSize size = BlockSize.ofHeader(raw[0] & 0xFF);
        if (raw.length != wireLength(size, check) || (raw[0] & 0xFF) != size.header()) {
            throw new IllegalArgumentException("not a whole " + size.bytes() + "-byte " + check.label() + " packet");
        }
        int number = raw[1] & 0xFF;
        if ((number ^ (raw[2] & 0xFF)) != 0xFF) {
            return Optional.empty();
        }
        int dataEnd = 3 + size.bytes();
        int expected = check.compute(raw, 3, size.bytes());
        int received = check == ErrorCheck.CRC16
                ? ((raw[dataEnd] & 0xFF) << 8) | (raw[dataEnd + 1] & 0xFF)
                : raw[dataEnd] & 0xFF;
        if (expected != received) {
            return Optional.empty();
        }
        return Optional.of(new XmodemPacket(number, size, check, Arrays.copyOfRange(raw, 3, dataEnd)));
    }

    public byte[] encode() {
        byte[] out = new byte[wireLength(size, check)];
        out[0] = (byte) size.header();
        out[1] = (byte) number;
        out[2] = (byte) (~number);
        System.arraycopy(data, 0, out, 3, data.length);
        int value = check.compute(data, 0, data.length);
        int at = 3 + data.length;
        if (check == ErrorCheck.CRC16) {
            out[at] = (byte) (value >>> 8);
            out[at + 1] = (byte) value;
        } else {
            out[at] = (byte) value;
        }
        return out;
    }

    /** The block number on the wire (1, 2, ... 255, 0, 1, ...). */
    public int number() {
        return number;
    }

    public BlockSize size() {
        return size;
    }

    public ErrorCheck check() {
        return check;
    }

    /** The data, padding included. */
    public byte[] data() {
        return data.clone();
    }
}
