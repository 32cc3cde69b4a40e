package io.bootrig.board.soc;

import java.util.Arrays;

/**
 * The 16-byte write buffer that collects one flash word (quad-word) before it is programmed.
 * Bytes may arrive in any order and any access size; the word is complete when all 16 are present.
 */
final class WriteBuffer {
    static final int SIZE = 16;
    private static final int ALL_BYTES = 0xFFFF;

    enum Outcome {
        /** Stored; the flash word still misses bytes (WBNE stays set). */
        PENDING,
        /** Stored; all 16 bytes are present. */
        COMPLETE,
        /** The address lies in another flash word than the one being collected. */
        OTHER_FLASH_WORD,
        /** A byte of the flash word was written a second time. */
        BYTE_WRITTEN_TWICE
    }

    private final byte[] data = new byte[SIZE];
    private long base = -1;
    private int writtenBytes;

    Outcome put(long address, int size, long value) {
        long wordBase = address & ~(long) (SIZE - 1);
        if (isEmpty()) {
            base = wordBase;
            Arrays.fill(data, (byte) 0xFF);
        } else if (wordBase != base) {
            return Outcome.OTHER_FLASH_WORD;
        }
        int first = (int) (address - wordBase);
        int mask = ((1 << size) - 1) << first;
        if ((writtenBytes & mask) != 0) {
            return Outcome.BYTE_WRITTEN_TWICE;
        }
        for (int i = 0; i < size; i++) {
            data[first + i] = (byte) (value >>> (8 * i));
        }
        writtenBytes |= mask;
        return writtenBytes == ALL_BYTES ? Outcome.COMPLETE : Outcome.PENDING;
    }

    boolean isEmpty() {
        return writtenBytes == 0;
    }

    /** The bus address of the flash word being collected. */
    long base() {
        return base;
    }

    /** The flash word; bytes not written are 0xFF (what FW pads with). */
    byte[] contents() {
        return data.clone();
    }

    void clear() {
        writtenBytes = 0;
        base = -1;
    }
}
