package io.bootrig.rig.xmodem;

import io.bootrig.rig.link.ByteLink;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Passes a link through, damaging chosen writes on their way out: a flipped bit, or a write cut short. */
final class FaultyLink implements ByteLink {
    private final ByteLink link;
    private final Map<Integer, Integer> flipByteOfWrite = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> cutWriteAfter = new ConcurrentHashMap<>();
    private int writes;

    FaultyLink(ByteLink link) {
        this.link = link;
    }

    /** The {@code write}-th write (1-based) arrives with one bit of byte {@code index} flipped. */
    FaultyLink flip(int write, int index) {
        flipByteOfWrite.put(write, index);
        return this;
    }

    /** Only the first {@code keep} bytes of the {@code write}-th write arrive. */
    FaultyLink cut(int write, int keep) {
        cutWriteAfter.put(write, keep);
        return this;
    }

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException {
        return link.read(buffer, offset, length, timeout);
    }

    @Override
    public synchronized void write(byte[] data, int offset, int length) throws IOException {
        writes++;
        byte[] copy = java.util.Arrays.copyOfRange(data, offset, offset + length);
        Integer flip = flipByteOfWrite.get(writes);
        if (flip != null) {
            copy[flip] ^= 0x04;
        }
        link.write(copy, 0, cutWriteAfter.getOrDefault(writes, length));
    }

    @Override
    public String describe() {
        return link.describe() + " (with faults)";
    }

    @Override
    public void close() {
        link.close();
    }
}
