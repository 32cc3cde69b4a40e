package io.bootrig.board.soc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The user flash cells: two physical banks (numbered 1 and 2) of 128 sectors of 8 KB, erased to
 * 0xFF. Besides the bytes it remembers, per quad-word, whether it was programmed since its last
 * erase and whether an over-programming left its ECC corrupt. It knows nothing of addresses or
 * protection.
 */
final class FlashArray {
    static final int BANKS = 2;
    static final int BANK_SIZE = 0x10_0000;
    static final int SECTOR_SIZE = 0x2000;
    static final int SECTORS_PER_BANK = BANK_SIZE / SECTOR_SIZE;
    static final int QUAD_WORD = 16;
    static final int QUAD_WORDS_PER_SECTOR = SECTOR_SIZE / QUAD_WORD;

    /** A change to the cells, in the order it happened. */
    sealed interface Change {
        int bank();

        int sector();
    }

    record QuadWordChanged(int bank, int offset) implements Change {
        @Override
        public int sector() {
            return offset / SECTOR_SIZE;
        }
    }

    record SectorErased(int bank, int sector) implements Change {
    }

    private final byte[][] cells = new byte[BANKS][BANK_SIZE];
    private final BitSet[] programmed = {new BitSet(), new BitSet()};
    private final BitSet[] eccCorrupt = {new BitSet(), new BitSet()};
    private final List<Change> changes = new ArrayList<>();

    FlashArray() {
        for (byte[] bank : cells) {
            Arrays.fill(bank, (byte) 0xFF);
        }
    }

    long read(int bank, int offset, int size) {
        byte[] cellsOfBank = cells[index(bank)];
        long value = 0;
        for (int i = size - 1; i >= 0; i--) {
            value = (value << 8) | (cellsOfBank[offset + i] & 0xFF);
        }
        return value;
    }

    byte[] copy(int bank, int offset, int length) {
        return Arrays.copyOfRange(cells[index(bank)], offset, offset + length);
    }

    boolean isProgrammed(int bank, int offset) {
        return programmed[index(bank)].get(offset / QUAD_WORD);
    }

    boolean isEccCorrupt(int bank, int offset) {
        return eccCorrupt[index(bank)].get(offset / QUAD_WORD);
    }

    void program(int bank, int offset, byte[] quadWord) {
        restoreQuadWord(bank, offset, quadWord, true, false);
    }

    /** Sets a quad-word's cells and state as they were recorded. */
    void restoreQuadWord(int bank, int offset, byte[] quadWord, boolean isProgrammed, boolean isEccCorrupt) {
        System.arraycopy(quadWord, 0, cells[index(bank)], offset, QUAD_WORD);
        programmed[index(bank)].set(offset / QUAD_WORD, isProgrammed);
        eccCorrupt[index(bank)].set(offset / QUAD_WORD, isEccCorrupt);
        changes.add(new QuadWordChanged(bank, offset));
    }

    /** Programs over a programmed quad-word: cells can only go from 1 to 0, and the ECC no longer matches. */
    void overprogram(int bank, int offset, byte[] quadWord) {
        byte[] cellsOfBank = cells[index(bank)];
        for (int i = 0; i < QUAD_WORD; i++) {
            cellsOfBank[offset + i] &= quadWord[i];
        }
        eccCorrupt[index(bank)].set(offset / QUAD_WORD);
        changes.add(new QuadWordChanged(bank, offset));
    }

    void eraseSector(int bank, int sector) {
        int offset = sector * SECTOR_SIZE;
        Arrays.fill(cells[index(bank)], offset, offset + SECTOR_SIZE, (byte) 0xFF);
        int firstWord = sector * QUAD_WORDS_PER_SECTOR;
        programmed[index(bank)].clear(firstWord, firstWord + QUAD_WORDS_PER_SECTOR);
        eccCorrupt[index(bank)].clear(firstWord, firstWord + QUAD_WORDS_PER_SECTOR);
        changes.add(new SectorErased(bank, sector));
    }

    void eraseBank(int bank) {
        for (int sector = 0; sector < SECTORS_PER_BANK; sector++) {
            eraseSector(bank, sector);
        }
    }

    /** True when no quad-word of the sector was programmed since its last erase. */
    boolean isSectorErased(int bank, int sector) {
        int firstWord = sector * QUAD_WORDS_PER_SECTOR;
        int next = programmed[index(bank)].nextSetBit(firstWord);
        return next < 0 || next >= firstWord + QUAD_WORDS_PER_SECTOR;
    }

    /** The sector's cells followed by its programmed and ECC-corrupt bitmaps (one bit per quad-word). */
    byte[] sectorImage(int bank, int sector) {
        byte[] image = new byte[SECTOR_SIZE + 2 * (QUAD_WORDS_PER_SECTOR / 8)];
        System.arraycopy(cells[index(bank)], sector * SECTOR_SIZE, image, 0, SECTOR_SIZE);
        int firstWord = sector * QUAD_WORDS_PER_SECTOR;
        packBits(programmed[index(bank)], firstWord, image, SECTOR_SIZE);
        packBits(eccCorrupt[index(bank)], firstWord, image, SECTOR_SIZE + QUAD_WORDS_PER_SECTOR / 8);
        return image;
    }

    static int sectorImageSize() {
        return SECTOR_SIZE + 2 * (QUAD_WORDS_PER_SECTOR / 8);
    }

    void loadSectorImage(int bank, int sector, byte[] image) {
        if (image.length != sectorImageSize()) {
            throw new IllegalArgumentException("sector image of " + image.length + " bytes, expected " + sectorImageSize());
        }
        System.arraycopy(image, 0, cells[index(bank)], sector * SECTOR_SIZE, SECTOR_SIZE);
        int firstWord = sector * QUAD_WORDS_PER_SECTOR;
        unpackBits(image, SECTOR_SIZE, programmed[index(bank)], firstWord);
        unpackBits(image, SECTOR_SIZE + QUAD_WORDS_PER_SECTOR / 8, eccCorrupt[index(bank)], firstWord);
    }

    /** The changes since the last call, oldest first. */
    List<Change> takeChanges() {
        List<Change> taken = List.copyOf(changes);
        changes.clear();
        return taken;
    }

    private static void packBits(BitSet bits, int first, byte[] target, int at) {
        for (int i = 0; i < QUAD_WORDS_PER_SECTOR; i++) {
            if (bits.get(first + i)) {
                target[at + i / 8] |= (byte) (1 << (i % 8));
            }
        }
    }

    private static void unpackBits(byte[] source, int at, BitSet bits, int first) {
        for (int i = 0; i < QUAD_WORDS_PER_SECTOR; i++) {
            bits.set(first + i, (source[at + i / 8] & (1 << (i % 8))) != 0);
        }
    }

    private static int index(int bank) {
        if (bank != 1 && bank != 2) {
            throw new IllegalArgumentException("flash bank " + bank + " (banks are 1 and 2)");
        }
        return bank - 1;
    }
}
