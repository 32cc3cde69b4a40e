package io.bootrig.wolfboot.config;

import java.util.OptionalLong;

/**
 * The numbers a .config writes: C-style hex ({@code 0x0C040000}) or decimal. A decimal with a
 * leading zero is refused because C and the shell would read it as octal.
 */
final class ConfigNumber {
    private ConfigNumber() {}

    /** Empty when the text is not such a number or does not fit in a signed 64-bit value. */
    static OptionalLong parse(String text) {
        String t = text.trim();
        int radix = 10;
        String digits = t;
        if (t.length() > 2 && t.charAt(0) == '0' && (t.charAt(1) == 'x' || t.charAt(1) == 'X')) {
            radix = 16;
            digits = t.substring(2);
        } else if (t.length() > 1 && t.charAt(0) == '0') {
            return OptionalLong.empty();
        }
        if (digits.isEmpty()) {
            return OptionalLong.empty();
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), radix);
            if (d < 0 || digits.charAt(i) > 'f') {
                return OptionalLong.empty();
            }
            if (value > (Long.MAX_VALUE - d) / radix) {
                return OptionalLong.empty();
            }
            value = value * radix + d;
        }
        return OptionalLong.of(value);
    }

    /** An address: eight hex digits. */
    static String hex(long value) {
        return String.format("0x%08X", value);
    }

    /** A size: hex without padding. */
    static String size(long value) {
        return String.format("0x%X", value);
    }
}
