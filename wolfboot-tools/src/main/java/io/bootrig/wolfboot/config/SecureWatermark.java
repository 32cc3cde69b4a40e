package io.bootrig.wolfboot.config;

/**
 * An STM32H5 SECWMx option-byte range: the 8 KB sectors of one bank, inclusive, that are secure.
 * A start above the end means no secure sector (ST writes start 1, end 0 for that).
 *
 * @param bank        1 or 2 (SECWM1 or SECWM2)
 * @param startSector SECWMx_STRT
 * @param endSector   SECWMx_END
 */
public record SecureWatermark(int bank, int startSector, int endSector) {

    public static SecureWatermark none(int bank) {
        return new SecureWatermark(bank, 1, 0);
    }

    public boolean isEmpty() {
        return startSector > endSector;
    }

    /** Both empty, or the same range. */
    public boolean sameRange(SecureWatermark other) {
        return isEmpty() ? other.isEmpty() : startSector == other.startSector && endSector == other.endSector;
    }

    @Override
    public String toString() {
        return "SECWM" + bank + " " + (isEmpty() ? "none (start " + hex(startSector) + " > end " + hex(endSector) + ")"
                : hex(startSector) + ".." + hex(endSector));
    }

    private static String hex(int sector) {
        return String.format("0x%02X", sector);
    }
}
