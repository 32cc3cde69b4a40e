package io.bootrig.board.debug;

import io.bootrig.board.bus.BusAccess;
import io.bootrig.board.bus.BusFault;
import io.bootrig.board.bus.SystemBus;

/**
 * An ADIv5 MEM-AP: CSW (8/16/32-bit transfers, single or packed auto-increment), TAR with
 * auto-increment inside a 1 KB block, DRW, the banked data registers BD0-BD3, CFG, BASE and IDR.
 * Data travels on the byte lanes TAR[1:0] selects, as on AHB.
 */
final class MemAp implements AccessPort {
    static final int CSW = 0x00;
    static final int TAR = 0x04;
    static final int DRW = 0x0C;
    static final int BD0 = 0x10;
    static final int BD3 = 0x1C;
    static final int CFG = 0xF4;
    static final int BASE = 0xF8;
    static final int IDR = 0xFC;

    static final long CSW_SIZE = 0b111;
    static final long CSW_ADDRINC = 0b11L << 4;
    static final long CSW_DEVICE_EN = 1L << 6;
    static final long CSW_SPIDEN = 1L << 23;
    static final long CSW_PROT = 0xFFL << 24;
    static final int ADDRINC_OFF = 0;
    static final int ADDRINC_SINGLE = 1;
    static final int ADDRINC_PACKED = 2;

    private static final long CSW_WRITABLE = CSW_PROT | CSW_ADDRINC | CSW_SIZE;
    private static final long AUTOINCREMENT_BLOCK = 0x400;

    private final long idr;
    private final long base;
    private final SystemBus bus;
    private final MemApSecurity security;

    private long csw;
    private long tar;

    /**
     * @param idr      the AP identification register
     * @param base     the BASE register (debug ROM table address | format | present)
     * @param bus      what the AP's transfers reach
     * @param security who may transfer, and with which attributes
     */
    MemAp(long idr, long base, SystemBus bus, MemApSecurity security) {
        this.idr = idr;
        this.base = base;
        this.bus = bus;
        this.security = security;
        reset();
    }

    @Override
    public long read(int register) throws BusFault {
        return switch (register) {
            case CSW -> cswValue();
            case TAR -> tar;
            case DRW -> readData();
            case CFG -> 0; // little-endian, 32-bit addresses and data
            case BASE -> base;
            case IDR -> idr;
            default -> isBankedData(register) ? readBanked(register) : 0;
        };
    }

    @Override
    public void write(int register, long value) throws BusFault {
        switch (register) {
            case CSW -> csw = value & CSW_WRITABLE;
            case TAR -> tar = value & 0xFFFF_FFFFL;
            case DRW -> writeData(value);
            default -> {
                if (isBankedData(register)) {
                    writeBanked(register, value);
                }
            }
        }
    }

    @Override
    public void reset() {
        csw = 0b010; // 32-bit, no auto-increment
        tar = 0;
    }

    private long cswValue() {
        long value = csw;
        if (security.deviceEnabled()) {
            value |= CSW_DEVICE_EN;
        }
        if (security.secureDebugEnabled()) {
            value |= CSW_SPIDEN;
        }
        return value;
    }

    private long readData() throws BusFault {
        int size = transferSize();
        if (addressIncrement() == ADDRINC_PACKED && size < 4) {
            long word = 0;
            for (int i = 0; i < 4 / size; i++) {
                word |= transferIn(tar, size) << laneShift(tar);
                advance(size);
            }
            return word;
        }
        long word = transferIn(tar, size) << laneShift(tar);
        if (addressIncrement() != ADDRINC_OFF) {
            advance(size);
        }
        return word;
    }

    private void writeData(long word) throws BusFault {
        int size = transferSize();
        if (addressIncrement() == ADDRINC_PACKED && size < 4) {
            for (int i = 0; i < 4 / size; i++) {
                transferOut(tar, size, word >>> laneShift(tar));
                advance(size);
            }
            return;
        }
        transferOut(tar, size, word >>> laneShift(tar));
        if (addressIncrement() != ADDRINC_OFF) {
            advance(size);
        }
    }

    private long readBanked(int register) throws BusFault {
        long address = bankedAddress(register);
        return transferIn(address, transferSize()) << laneShift(address);
    }

    private void writeBanked(int register, long word) throws BusFault {
        long address = bankedAddress(register);
        transferOut(address, transferSize(), word >>> laneShift(address));
    }

    private long transferIn(long address, int size) throws BusFault {
        BusAccess access = checkedAccess(address, size);
        return bus.read(address, size, access) & mask(size);
    }

    private void transferOut(long address, int size, long value) throws BusFault {
        BusAccess access = checkedAccess(address, size);
        bus.write(address, size, value & mask(size), access);
    }

    private BusAccess checkedAccess(long address, int size) throws BusFault {
        if (size == 0) {
            throw new BusFault(address, "CSW.Size " + (csw & CSW_SIZE) + " is not implemented");
        }
        if ((address & (size - 1)) != 0) {
            throw new BusFault(address, "unaligned " + size + "-byte transfer");
        }
        return security.authorize(address, csw);
    }

    private void advance(int size) {
        long offset = (tar + size) & (AUTOINCREMENT_BLOCK - 1);
        tar = (tar & ~(AUTOINCREMENT_BLOCK - 1)) | offset;
    }

    /** 1, 2 or 4 bytes; 0 for a size this AP does not implement. */
    private int transferSize() {
        return switch ((int) (csw & CSW_SIZE)) {
            case 0 -> 1;
            case 1 -> 2;
            case 2 -> 4;
            default -> 0;
        };
    }

    private int addressIncrement() {
        return (int) ((csw & CSW_ADDRINC) >>> 4);
    }

    private long bankedAddress(int register) {
        return (tar & ~0xFL) | (register - BD0);
    }

    private static boolean isBankedData(int register) {
        return register >= BD0 && register <= BD3;
    }

    private static int laneShift(long address) {
        return 8 * (int) (address & 3);
    }

    private static long mask(int size) {
        return size == 4 ? 0xFFFF_FFFFL : (1L << (8 * size)) - 1;
    }
}
