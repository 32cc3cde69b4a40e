package io.bootrig.rig.stm32h5;

/** SECWMxR: the inclusive range of secure 8 KB sectors in one bank; start &gt; end means none. */
public record SecureWatermark(int start, int end) {
    public static final SecureWatermark NONE = new SecureWatermark(0x7F, 0x00);

    public static SecureWatermark fromRegister(long value) {
        return new SecureWatermark((int) (value & 0x7F), (int) ((value >> 16) & 0x7F));
    }

    public long register() {
        return ((long) end << 16) | start;
    }

    public boolean isEmpty() {
        return start > end;
    }

    public boolean covers(int sector) {
        return !isEmpty() && sector >= start && sector <= end;
    }

    @Override
    public String toString() {
        return isEmpty() ? "none" : String.format("0x%02X..0x%02X", start, end);
    }
}
