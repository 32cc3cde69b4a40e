package io.bootrig.wolfboot.config;

import java.util.List;

/**
 * Where wolfBoot keeps a partition's state at the partition's end (FLAGS_HOME off, no encryption;
 * libwolfboot.c): the magic "BOOT" at END-4, the state byte at END-5, then one byte per two
 * sectors of update flags growing down from END-6. With NVM_FLASH_WRITEONCE two sectors take
 * turns holding that trailer. Addresses are in the partition's configured alias.
 *
 * @param end              one past the partition's last byte
 * @param trailerSectors   start of each sector that can hold the trailer: END-sector, then END-2*sector
 *                         with NVM_FLASH_WRITEONCE
 * @param partitionSectors sectors in the partition, each with a 4-bit flag
 */
public record Trailer(long end, List<Long> trailerSectors, long partitionSectors) {

    public static final String MAGIC = "BOOT";

    public Trailer {
        trailerSectors = List.copyOf(trailerSectors);
    }

    static Trailer of(Partition p, long sectorSize, boolean writeOnce) {
        List<Long> sectors = writeOnce
                ? List.of(p.end() - sectorSize, p.end() - 2 * sectorSize)
                : List.of(p.end() - sectorSize);
        return new Trailer(p.end(), sectors, p.size() / sectorSize);
    }

    /** First byte of the "BOOT" magic (END-4). */
    public long magicAddress() {
        return end - 4;
    }

    /** The partition state byte (END-5). */
    public long stateAddress() {
        return end - 5;
    }

    /** The first sector-flags byte (END-6), for sectors 0 and 1. */
    public long sectorFlagsAddress() {
        return end - 6;
    }

    /** The byte holding a sector's flag: the low nibble for even sectors, the high nibble for odd ones. */
    public long sectorFlagAddress(long sector) {
        if (sector < 0 || sector >= partitionSectors) {
            throw new IllegalArgumentException("sector " + sector + " outside 0.." + (partitionSectors - 1));
        }
        return end - 6 - sector / 2;
    }

    /** Bytes of sector flags below the state byte. */
    public long sectorFlagBytes() {
        return partitionSectors / 2 + partitionSectors % 2;
    }
}
