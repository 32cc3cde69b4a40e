package io.bootrig.board.soc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The 2 KB one-time-programmable area: 1024 half-words, each written at most once, never erased.
 * Blank half-words read 0xFFFF. Block locks live in the option bytes (OTPBLR), not here.
 */
final class OtpArea {
    static final int SIZE = 0x800;
    static final int HALF_WORDS = SIZE / 2;
    static final int BLOCK_SIZE = 64;
    static final int BLOCKS = SIZE / BLOCK_SIZE;

    private final byte[] cells = new byte[SIZE];
    private final BitSet programmed = new BitSet(HALF_WORDS);
    private final List<Integer> changedOffsets = new ArrayList<>();

    OtpArea() {
        Arrays.fill(cells, (byte) 0xFF);
    }

    long read(int offset, int size) {
        long value = 0;
        for (int i = size - 1; i >= 0; i--) {
            value = (value << 8) | (cells[offset + i] & 0xFF);
        }
        return value;
    }

    byte[] copy(int offset, int length) {
        return Arrays.copyOfRange(cells, offset, offset + length);
    }

    /** Whether the half-word holding the byte at {@code offset} was ever programmed. */
    boolean isProgrammed(int offset) {
        return programmed.get(offset / 2);
    }

    void program(int offset, int halfWord) {
        cells[offset] = (byte) halfWord;
        cells[offset + 1] = (byte) (halfWord >>> 8);
        programmed.set(offset / 2);
        changedOffsets.add(offset);
    }

    /** The cells followed by the programmed bitmap (one bit per half-word). */
    byte[] image() {
        byte[] image = new byte[imageSize()];
        System.arraycopy(cells, 0, image, 0, SIZE);
        for (int i = 0; i < HALF_WORDS; i++) {
            if (programmed.get(i)) {
                image[SIZE + i / 8] |= (byte) (1 << (i % 8));
            }
        }
        return image;
    }

    static int imageSize() {
        return SIZE + HALF_WORDS / 8;
    }

    void loadImage(byte[] image) {
        if (image.length != imageSize()) {
            throw new IllegalArgumentException("OTP image of " + image.length + " bytes, expected " + imageSize());
        }
        System.arraycopy(image, 0, cells, 0, SIZE);
        for (int i = 0; i < HALF_WORDS; i++) {
            programmed.set(i, (image[SIZE + i / 8] & (1 << (i % 8))) != 0);
        }
    }

    /** The offsets of the half-words programmed since the last call, oldest first. */
    List<Integer> takeChanges() {
        List<Integer> taken = List.copyOf(changedOffsets);
        changedOffsets.clear();
        return taken;
    }
}
