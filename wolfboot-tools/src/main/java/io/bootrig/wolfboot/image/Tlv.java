package io.bootrig.wolfboot.image;

import io.bootrig.wolfboot.LittleEndian;

/**
 * One manifest header TLV: {@code u16 tag, u16 len, value[len]} at {@code offset} in the image.
 */
public record Tlv(int offset, int tag, byte[] value) {
    public Tlv {
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    public int length() {
        return value.length;
    }

    public String name() {
        return TlvTag.name(tag);
    }

    /** The value as a little-endian unsigned number (lengths 1, 2, 4 and 8). */
    public long number() {
        return switch (value.length) {
            case 1 -> value[0] & 0xFFL;
            case 2 -> LittleEndian.u16(value, 0);
            case 4 -> LittleEndian.u32(value, 0);
            case 8 -> LittleEndian.u64(value, 0);
            default -> throw new IllegalStateException("TLV " + name() + " of " + value.length + " bytes is not a number");
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tlv t && t.offset == offset && t.tag == tag && java.util.Arrays.equals(t.value, value);
    }

    @Override
    public int hashCode() {
        return offset * 31 + tag;
    }

    @Override
    public String toString() {
        return String.format("Tlv[%s 0x%04x @%d len %d]", name(), tag, offset, value.length);
    }
}
