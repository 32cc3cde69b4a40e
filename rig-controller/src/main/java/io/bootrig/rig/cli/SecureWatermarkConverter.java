package io.bootrig.rig.cli;

import io.bootrig.wolfboot.config.SecureWatermark;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A SECWM range as "START-END" in sectors (e.g. 0x00-0x2F), or "none". The bank comes from the option. */
final class SecureWatermarkConverter implements ITypeConverter<SecureWatermarkConverter.Range> {
    /** Sectors of one bank, inclusive; start &gt; end means none. */
    record Range(int start, int end) {
        SecureWatermark forBank(int bank) {
            return new SecureWatermark(bank, start, end);
        }

        io.bootrig.rig.stm32h5.SecureWatermark register() {
            return start > end ? io.bootrig.rig.stm32h5.SecureWatermark.NONE
                    : new io.bootrig.rig.stm32h5.SecureWatermark(start, end);
        }
    }

    @Override
    public Range convert(String value) {
        if (value.equalsIgnoreCase("none")) {
            return new Range(1, 0);
        }
        String[] parts = value.split("-");
        if (parts.length != 2) {
            throw new TypeConversionException("'" + value + "' is not START-END in sectors (e.g. 0x00-0x2F) or 'none'");
        }
        int start = sector(parts[0], value);
        int end = sector(parts[1], value);
        if (start > end) {
            throw new TypeConversionException("'" + value + "': start after end; write 'none' for no secure sector");
        }
        return new Range(start, end);
    }

    private static int sector(String s, String whole) {
        try {
            int v = Integer.decode(s.strip());
            if (v >= 0 && v <= 0x7F) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new TypeConversionException("'" + whole + "': sectors are 0..0x7F (8 KB sectors of one bank)");
    }
}
