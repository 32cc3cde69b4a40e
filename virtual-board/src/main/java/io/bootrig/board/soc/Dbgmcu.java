package io.bootrig.board.soc;

import io.bootrig.board.bus.BusFault;

/**
 * The MCU debug unit: IDCODE, the low-power debug and peripheral-freeze configuration, the status
 * and debug-authentication mailbox registers, and its CoreSight identification. The same registers
 * appear at 0x44024000 on the system bus and at 0xE0044000 on the debug bus (AP0). They belong to
 * the debug domain: a system reset keeps them, power-on clears them.
 */
final class Dbgmcu implements MemoryMappedDevice {
    static final long SYSTEM_BUS_BASE = 0x4402_4000L;
    static final long DEBUG_BUS_BASE = 0xE004_4000L;
    static final int SIZE = 0x1000;
    /** REV_ID 0x1000 (revision A), DEV_ID 0x484 (STM32H56x/H57x). */
    static final int IDCODE_VALUE = 0x1000_6484;
    /** AP_ENABLED [31:16] and AP_PRESENT [15:0]: AP0 and AP1, both open. */
    static final int STATUS_VALUE = 0x0003_0003;

    private static final int IDCODE = 0x000;
    private static final int CR = 0x004;
    private static final int APB1LFZR = 0x008;
    private static final int APB1HFZR = 0x00C;
    private static final int APB2FZR = 0x010;
    private static final int APB3FZR = 0x014;
    private static final int AHB1FZR = 0x020;
    private static final int SR = 0x0FC;
    private static final int DBG_AUTH_HOST = 0x100;
    private static final int DBG_AUTH_DEVICE = 0x104;
    private static final int DBG_AUTH_ACK = 0x108;
    private static final int PIDR4 = 0xFD0;
    private static final int PIDR0 = 0xFE0;
    private static final int CIDR0 = 0xFF0;
    private static final int[] PIDR0_TO_3 = {0x00, 0x00, 0x0A, 0x00};
    private static final int[] CIDR0_TO_3 = {0x0D, 0xF0, 0x05, 0xB1};

    /** Writable bits per register, from the SVD field lists. */
    private static final int CR_BITS = 0x0001_00F6;
    private static final int APB1LFZR_BITS = 0x00E0_19FF;
    private static final int APB1HFZR_BITS = 0x0000_0020;
    private static final int APB2FZR_BITS = 0x0007_2800;
    private static final int APB3FZR_BITS = 0x403E_0C00;
    private static final int AUTH_ACK_BITS = 0x3;

    private final int idcode;
    private int control;
    private int apb1lFreeze;
    private int apb1hFreeze;
    private int apb2Freeze;
    private int apb3Freeze;
    private int ahb1Freeze;
    private int authHost;
    private int authAck;

    /** @param deviceId DEV_ID [11:0]; 0x484 is the STM32H563, anything else plays a wrong board being attached */
    Dbgmcu(int deviceId) {
        this.idcode = (IDCODE_VALUE & ~0xFFF) | (deviceId & 0xFFF);
    }

    @Override
    public long read(BusTransaction tx) throws BusFault {
        int offset = checkWord(tx);
        int value = switch (offset) {
            case IDCODE -> idcode;
            case CR -> control;
            case APB1LFZR -> apb1lFreeze;
            case APB1HFZR -> apb1hFreeze;
            case APB2FZR -> apb2Freeze;
            case APB3FZR -> apb3Freeze;
            case AHB1FZR -> ahb1Freeze;
            case SR -> STATUS_VALUE;
            case DBG_AUTH_HOST -> authHost;
            case DBG_AUTH_DEVICE -> 0;
            case DBG_AUTH_ACK -> authAck;
            case PIDR4 -> 0;
            default -> identification(tx, offset);
        };
        return value & 0xFFFF_FFFFL;
    }

    @Override
    public void write(BusTransaction tx, long value) throws BusFault {
        int offset = checkWord(tx);
        int word = (int) value;
        switch (offset) {
            case CR -> control = word & CR_BITS;
            case APB1LFZR -> apb1lFreeze = word & APB1LFZR_BITS;
            case APB1HFZR -> apb1hFreeze = word & APB1HFZR_BITS;
            case APB2FZR -> apb2Freeze = word & APB2FZR_BITS;
            case APB3FZR -> apb3Freeze = word & APB3FZR_BITS;
            case AHB1FZR -> ahb1Freeze = word;
            case DBG_AUTH_HOST -> authHost = word;
            case DBG_AUTH_ACK -> authAck = word & AUTH_ACK_BITS;
            case IDCODE, SR, DBG_AUTH_DEVICE, PIDR4 -> {
                // read-only
            }
            default -> identification(tx, offset);
        }
    }

    void powerOn() {
        control = 0;
        apb1lFreeze = 0;
        apb1hFreeze = 0;
        apb2Freeze = 0;
        apb3Freeze = 0;
        ahb1Freeze = 0;
        authHost = 0;
        authAck = 0;
    }

    private static int identification(BusTransaction tx, int offset) throws BusFault {
        if (offset >= PIDR0 && offset < PIDR0 + 16) {
            return PIDR0_TO_3[(offset - PIDR0) / 4];
        }
        if (offset >= CIDR0 && offset < CIDR0 + 16) {
            return CIDR0_TO_3[(offset - CIDR0) / 4];
        }
        throw tx.fault(String.format("DBGMCU+0x%03X: no register", offset));
    }

    private static int checkWord(BusTransaction tx) throws BusFault {
        if (tx.size() != 4) {
            throw tx.fault("DBGMCU registers take 32-bit accesses only");
        }
        return (int) tx.offset();
    }
}
