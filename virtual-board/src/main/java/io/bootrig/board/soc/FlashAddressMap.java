package io.bootrig.board.soc;

/**
 * Which physical bank answers at 0x08000000 and which at 0x08100000 (same for the 0x0C000000
 * secure alias). SWAP_BANK exchanges them; the setting is latched at reset.
 */
final class FlashAddressMap {
    static final long NON_SECURE_BASE = 0x0800_0000L;
    static final long SECURE_BASE = 0x0C00_0000L;
    static final int SIZE = FlashArray.BANKS * FlashArray.BANK_SIZE;

    record Location(int bank, int offset) {
        int sector() {
            return offset / FlashArray.SECTOR_SIZE;
        }
    }

    private boolean swapped;

    boolean swapped() {
        return swapped;
    }

    void latchSwap(boolean swapBank) {
        swapped = swapBank;
    }

    /** The physical location of an offset from either alias base (0 .. 0x1FFFFF). */
    Location locate(long aliasOffset) {
        if (aliasOffset < 0 || aliasOffset >= SIZE) {
            throw new IllegalArgumentException(String.format("flash offset 0x%X outside the 2 MB user flash", aliasOffset));
        }
        int logicalBank = aliasOffset < FlashArray.BANK_SIZE ? 1 : 2;
        int bank = swapped ? 3 - logicalBank : logicalBank;
        return new Location(bank, (int) (aliasOffset % FlashArray.BANK_SIZE));
    }

    /** The offset from an alias base at which a physical location appears. */
    long aliasOffset(int bank, int offset) {
        int logicalBank = swapped ? 3 - bank : bank;
        return (long) (logicalBank - 1) * FlashArray.BANK_SIZE + offset;
    }

    /** Offset from the alias base of a bus address in 0x08000000.. or 0x0C000000.. (both 2 MB-aligned). */
    static long aliasOffsetOf(long address) {
        return address & (SIZE - 1);
    }
}
