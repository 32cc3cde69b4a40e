package io.bootrig.wolfboot.config;

/**
 * A range of addresses {@code [address, address + size)}.
 *
 * @param address first byte
 * @param size    bytes
 */
public record Region(long address, long size) {

    public long end() {
        return address + size;
    }

    /** Address of the last byte. */
    public long last() {
        return end() - 1;
    }

    public boolean overlaps(Region other) {
        return size > 0 && other.size > 0 && address < other.end() && other.address < end();
    }

    public boolean contains(Region other) {
        return other.address >= address && other.end() <= end();
    }

    public boolean contains(long a) {
        return a >= address && a < end();
    }

    @Override
    public String toString() {
        return ConfigNumber.hex(address) + ".." + ConfigNumber.hex(last());
    }
}
