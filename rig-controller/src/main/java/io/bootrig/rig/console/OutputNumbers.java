package io.bootrig.rig.console;

/** Numbers the test app prints, read with a bound: digits beyond what the field holds are output the rig does not expect. */
final class OutputNumbers {
    private OutputNumbers() {}

    static final long U32_MAX = 0xFFFF_FFFFL;

    /**
     * The unsigned number {@code digits} (one or more digits of {@code radix}, as a regular expression matched them).
     *
     * @param field names the number in the message, e.g. "'Firmware version : 0x...'"
     * @throws UnexpectedOutputException when it exceeds {@code max}
     */
    static long parse(String digits, int radix, long max, String field) throws UnexpectedOutputException {
        long v = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), radix);
            if (d < 0) {
                throw new UnexpectedOutputException(field + ": '" + digits + "' is not a number");
            }
            v = v * radix + d;
            if (v > max) {
                throw new UnexpectedOutputException(field + ": " + (radix == 16 ? "0x" : "") + abbreviate(digits)
                        + " is out of range (at most " + (radix == 16 ? "0x" + Long.toHexString(max) : max) + ")");
            }
        }
        return v;
    }

    /** As {@link #parse(String, int, long, String)}, for a field Java holds as an int. */
    static int parseInt(String digits, int radix, String field) throws UnexpectedOutputException {
        return (int) parse(digits, radix, Integer.MAX_VALUE, field);
    }

    private static String abbreviate(String digits) {
        return digits.length() > 24 ? digits.substring(0, 24) + "..." : digits;
    }
}
