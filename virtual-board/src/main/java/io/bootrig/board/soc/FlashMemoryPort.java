package io.bootrig.board.soc;

import io.bootrig.board.bus.BusFault;

/**
 * The user flash as the bus sees it at 0x08000000 (non-secure alias) and 0x0C000000 (secure alias):
 * reads return the cells through the bank mapping; writes go to the write buffer of the control
 * channel that matches the sector's security.
 */
final class FlashMemoryPort implements MemoryMappedDevice {
    private final FlashArray array;
    private final FlashAddressMap addressMap;
    private final TrustZonePolicy trustZone;
    private final FlashControlChannel nonSecure;
    private final FlashControlChannel secure;
    private final EccMonitor ecc;

    FlashMemoryPort(FlashArray array, FlashAddressMap addressMap, TrustZonePolicy trustZone,
            FlashControlChannel nonSecure, FlashControlChannel secure, EccMonitor ecc) {
        this.array = array;
        this.addressMap = addressMap;
        this.trustZone = trustZone;
        this.nonSecure = nonSecure;
        this.secure = secure;
        this.ecc = ecc;
    }

    @Override
    public long read(BusTransaction tx) throws BusFault {
        FlashAddressMap.Location location = addressMap.locate(tx.offset());
        trustZone.checkFlashSector(tx, location);
        if (array.isEccCorrupt(location.bank(), location.offset())) {
            ecc.corruptFlashRead(location.bank(), location.offset());
        }
        return array.read(location.bank(), location.offset(), tx.size());
    }

    @Override
    public void write(BusTransaction tx, long value) throws BusFault {
        FlashAddressMap.Location location = addressMap.locate(tx.offset());
        trustZone.checkFlashSector(tx, location);
        FlashControlChannel channel = trustZone.sectorSecure(location.bank(), location.sector()) ? secure : nonSecure;
        channel.acceptFlashWrite(tx.address(), tx.size(), value);
    }
}
