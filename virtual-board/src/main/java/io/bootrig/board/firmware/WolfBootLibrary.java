package io.bootrig.board.firmware;

import io.bootrig.wolfboot.LittleEndian;
import io.bootrig.wolfboot.config.PartitionLayout;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The parts of libwolfboot.c the DUALBANK + NVM_FLASH_WRITEONCE build uses, running as wolfBoot's
 * secure code: image versions from the manifest headers, partition states in the trailers (two
 * alternating trailer sectors, nvm_select_fresh_sector, every change a whole-sector rewrite),
 * update_trigger, success, erasing and writing the UPDATE partition (the NSC veneers).
 */
final class WolfBootLibrary {
    static final byte[] IMAGE_MAGIC = "WOLF".getBytes(StandardCharsets.US_ASCII);
    static final byte[] TRAILER_MAGIC = "BOOT".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION_TAG = 0x0001;
    private static final int HEADER_OFFSET = 8;

    private final Mcu mcu;
    private final Stm32h5Hal hal;
    private final PartitionLayout layout;
    private final boolean secure;
    private final int sector;

    WolfBootLibrary(Mcu mcu, Stm32h5Hal hal, PartitionLayout layout) {
        this.mcu = mcu;
        this.hal = hal;
        this.layout = layout;
        this.secure = hal.secureBuild();
        this.sector = (int) layout.sectorSize();
    }

    Stm32h5Hal hal() {
        return hal;
    }

    long address(PartitionId partition) {
        return partition == PartitionId.BOOT ? layout.boot().address() : layout.update().address();
    }

    // ---- manifest header ----

    /** wolfBoot_get_blob_version: the VERSION TLV of a "WOLF" header, else 0. */
    long version(PartitionId partition) {
        byte[] header = mcu.read(address(partition), layout.headerSize(), secure);
        if (!Arrays.equals(header, 0, 4, IMAGE_MAGIC, 0, 4)) {
            return 0;
        }
        return findVersion(header);
    }

    /** wolfBoot_open_image: header and payload, unless the magic is missing or the size does not fit. */
    Optional<byte[]> image(PartitionId partition) {
        long base = address(partition);
        byte[] header = mcu.read(base, layout.headerSize(), secure);
        if (!Arrays.equals(header, 0, 4, IMAGE_MAGIC, 0, 4)) {
            return Optional.empty();
        }
        long size = LittleEndian.u32(header, 4);
        if (size > layout.partitionSize() - layout.headerSize()) {
            return Optional.empty();
        }
        byte[] image = Arrays.copyOf(header, layout.headerSize() + (int) size);
        byte[] payload = mcu.read(base + layout.headerSize(), (int) size, secure);
        System.arraycopy(payload, 0, image, layout.headerSize(), payload.length);
        return Optional.of(image);
    }

    /** wolfBoot_find_header's walk (odd offsets and 0xFF skipped, tag 0 ends), for HDR_VERSION. */
    private long findVersion(byte[] header) {
        int p = HEADER_OFFSET;
        while (p + 4 <= header.length) {
            if ((header[p] & 0xFF) == 0xFF || (p & 1) != 0) {
                p++;
                continue;
            }
            int tag = LittleEndian.u16(header, p);
            if (tag == 0) {
                return 0;
            }
            int length = LittleEndian.u16(header, p + 2);
            if (4 + length > header.length - HEADER_OFFSET || p + 4 + length > header.length) {
                return 0;
            }
            if (tag == VERSION_TAG) {
                return length == 4 ? LittleEndian.u32(header, p + 4) : 0;
            }
            p += 4 + length;
        }
        return 0;
    }

    // ---- trailer (NVM_FLASH_WRITEONCE) ----

    /** wolfBoot_get_partition_state: empty when the selected trailer copy has no "BOOT" magic. */
    OptionalInt state(PartitionId partition) {
        int selected = selectFreshSector(partition);
        long end = trailerEnd(partition, selected);
        byte[] tail = mcu.read(end - 8, 8, secure);
        if (!Arrays.equals(tail, 4, 8, TRAILER_MAGIC, 0, 4)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(tail[3] & 0xFF);
    }

    /** wolfBoot_set_partition_state: the magic first if it is missing, then the state byte. */
    void setState(PartitionId partition, int state) {
        int selected = selectFreshSector(partition);
        byte[] tail = mcu.read(trailerEnd(partition, selected) - 4, 4, secure);
        if (!Arrays.equals(tail, TRAILER_MAGIC)) {
            rewriteTrailer(partition, TRAILER_MAGIC, 4);
        }
        rewriteTrailer(partition, new byte[] {(byte) state}, 5);
    }

    /** wolfBoot_update_trigger: one rewrite of the UPDATE trailer with the magic and UPDATING. */
    void updateTrigger() {
        hal.unlock();
        int selected = selectFreshSector(PartitionId.UPDATE);
        byte[] cache = mcu.read(trailerSector(PartitionId.UPDATE, selected), sector, secure);
        System.arraycopy(TRAILER_MAGIC, 0, cache, sector - 4, 4);
        cache[sector - 5] = (byte) PartitionState.UPDATING;
        hal.erase(trailerSector(PartitionId.UPDATE, 1 - selected), sector);
        hal.write(trailerSector(PartitionId.UPDATE, 1 - selected), cache);
        hal.erase(trailerSector(PartitionId.UPDATE, selected), sector);
        hal.lock();
    }

    /** wolfBoot_success: the BOOT partition's state becomes SUCCESS. */
    void success() {
        hal.unlock();
        setState(PartitionId.BOOT, PartitionState.SUCCESS);
        hal.lock();
    }

    boolean erase(PartitionId partition) {
        hal.unlock();
        boolean ok = hal.erase(address(partition), layout.partitionSize());
        hal.lock();
        return ok;
    }

    // ---- NSC veneers for the UPDATE partition ----

    /** wolfBoot_nsc_erase_update: offsets relative to UPDATE, checked. */
    boolean eraseUpdate(long offset, long length) {
        if (offset > layout.partitionSize() || length > layout.partitionSize() - offset) {
            return false;
        }
        hal.unlock();
        boolean ok = hal.erase(address(PartitionId.UPDATE) + offset, length);
        hal.lock();
        return ok;
    }

    /** wolfBoot_nsc_write_update. */
    boolean writeUpdate(long offset, byte[] data) {
        if (offset > layout.partitionSize() || data.length > layout.partitionSize() - offset) {
            return false;
        }
        hal.unlock();
        boolean ok = hal.write(address(PartitionId.UPDATE) + offset, data);
        hal.lock();
        return ok;
    }

    // ---- internals ----

    /** Start of trailer copy 0 (the last sector) or 1 (the one before it). */
    private long trailerSector(PartitionId partition, int copy) {
        return address(partition) + layout.partitionSize() - (long) (copy + 1) * sector;
    }

    private long trailerEnd(PartitionId partition, int copy) {
        return trailerSector(partition, copy) + sector;
    }

    /** trailer_write: modify the fresh copy in RAM, program it into the other sector, erase the old one. */
    private void rewriteTrailer(PartitionId partition, byte[] bytes, int fromEnd) {
        int selected = selectFreshSector(partition);
        byte[] cache = mcu.read(trailerSector(partition, selected), sector, secure);
        System.arraycopy(bytes, 0, cache, sector - fromEnd, bytes.length);
        hal.erase(trailerSector(partition, 1 - selected), sector);
        hal.write(trailerSector(partition, 1 - selected), cache);
        hal.erase(trailerSector(partition, selected), sector);
    }

    /**
     * nvm_select_fresh_sector: the copy with the magic if only one has it, copy 0 if none; with
     * both, the one with more flags written (scanning down from the state byte). The other copy is
     * erased if it is not (which needs unlocked flash; locked, nothing happens).
     */
    private int selectFreshSector(PartitionId partition) {
        byte[] copy0 = mcu.read(trailerSector(partition, 0), sector, secure);
        byte[] copy1 = mcu.read(trailerSector(partition, 1), sector, secure);
        boolean magic0 = Arrays.equals(copy0, sector - 4, sector, TRAILER_MAGIC, 0, 4);
        boolean magic1 = Arrays.equals(copy1, sector - 4, sector, TRAILER_MAGIC, 0, 4);
        int selected;
        if (magic0 != magic1) {
            selected = magic0 ? 0 : 1;
        } else if (!magic0) {
            selected = 0;
        } else {
            selected = moreFlagsWritten(copy0, copy1);
        }
        int other = 1 - selected;
        byte[] otherCopy = other == 0 ? copy0 : copy1;
        if (!erased(otherCopy, sector - 4, sector)) {
            hal.erase(trailerSector(partition, other), sector);
        }
        return selected;
    }

    private int moreFlagsWritten(byte[] copy0, byte[] copy1) {
        for (int fromEnd = 5; fromEnd < sector; fromEnd++) {
            int byte0 = copy0[sector - fromEnd] & 0xFF;
            int byte1 = copy1[sector - fromEnd] & 0xFF;
            if (byte0 == 0xFF && byte1 != 0xFF) {
                return 1;
            }
            if (byte0 != 0xFF && byte1 == 0xFF) {
                return 0;
            }
            if (byte0 == 0xFF) {
                int previous0 = copy0[sector - fromEnd + 1] & 0xFF;
                int previous1 = copy1[sector - fromEnd + 1] & 0xFF;
                return previous0 < previous1 ? 0 : 1;
            }
        }
        return 0;
    }

    private static boolean erased(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != (byte) 0xFF) {
                return false;
            }
        }
        return true;
    }
}
