package io.bootrig.board.soc;

import io.bootrig.board.bus.BusAccess;
import io.bootrig.board.bus.BusFault;
import io.bootrig.board.bus.SystemBus;
import java.util.List;

/**
 * Address decoding: which device answers at an address, and the alias check (a secure alias
 * needs TrustZone and a secure access). An address no region covers is a bus error, as is an
 * access size other than 1, 2 or 4, or an address not aligned to it.
 */
final class MemoryMap implements SystemBus {
    record Region(String name, long base, long size, boolean secureAlias, MemoryMappedDevice device) {
        boolean covers(long address, int accessSize) {
            return address >= base && address + accessSize <= base + size;
        }
    }

    private final List<Region> regions;
    private final TrustZonePolicy trustZone;

    MemoryMap(List<Region> regions, TrustZonePolicy trustZone) {
        this.regions = List.copyOf(regions);
        this.trustZone = trustZone;
    }

    @Override
    public long read(long address, int size, BusAccess access) throws BusFault {
        Region region = decode(address, size, access);
        BusTransaction tx = transaction(region, address, size, access);
        return region.device().read(tx) & mask(size);
    }

    @Override
    public void write(long address, int size, long value, BusAccess access) throws BusFault {
        Region region = decode(address, size, access);
        BusTransaction tx = transaction(region, address, size, access);
        region.device().write(tx, value & mask(size));
    }

    private BusTransaction transaction(Region region, long address, int size, BusAccess access) throws BusFault {
        BusTransaction tx = new BusTransaction(address, address - region.base(), size, access, region.secureAlias());
        if (region.secureAlias()) {
            trustZone.checkSecureAlias(tx);
        }
        return tx;
    }

    private Region decode(long address, int size, BusAccess access) throws BusFault {
        if (size != 1 && size != 2 && size != 4) {
            throw new BusFault(address, "access size " + size + " (1, 2 or 4 bytes) by " + access.initiator());
        }
        if (address % size != 0) {
            throw new BusFault(address, size + "-byte access not aligned by " + access.initiator());
        }
        for (Region region : regions) {
            if (region.covers(address, size)) {
                return region;
            }
        }
        throw new BusFault(address, "no slave at this address (" + access.initiator() + ")");
    }

    private static long mask(int size) {
        return size == 4 ? 0xFFFF_FFFFL : (1L << (8 * size)) - 1;
    }
}
