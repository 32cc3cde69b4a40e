package io.bootrig.board.soc;

import io.bootrig.board.bus.BusFault;

/**
 * Who may touch what. TrustZone is on when the option bytes said TZEN=0xB4 at the last reset.
 * <ul>
 * <li>A secure alias (0x0C.., 0x3.., 0x5..) answers only secure accesses, and only with TrustZone on.</li>
 * <li>A flash sector is secure when inside its bank's SECWM range or marked in SECBB; it is reached
 *     only through the alias of its own security.</li>
 * <li>Secure FLASH registers answer only secure accesses through 0x50022000.</li>
 * </ul>
 * Every violation is a bus error (see UNCERTAIN.md for the RAZ/WI alternative).
 */
final class TrustZonePolicy {
    private static final int SECBB_REGISTERS_PER_BANK = 4;

    private final OptionBytes optionBytes;
    private final int[][] secureBlockBits = new int[FlashArray.BANKS][SECBB_REGISTERS_PER_BANK];
    private boolean enabled;

    TrustZonePolicy(OptionBytes optionBytes) {
        this.optionBytes = optionBytes;
    }

    /** At a system reset: latch TZEN from the option bytes; SECBB registers go back to 0. */
    void latchAtReset() {
        enabled = optionBytes.current().trustZoneEnabled();
        for (int[] bank : secureBlockBits) {
            java.util.Arrays.fill(bank, 0);
        }
    }

    boolean enabled() {
        return enabled;
    }

    boolean sectorSecure(int bank, int sector) {
        if (!enabled) {
            return false;
        }
        int secbb = secureBlockBits[bank - 1][sector / 32];
        return optionBytes.current().inSecureWatermark(bank, sector) || (secbb & (1 << (sector % 32))) != 0;
    }

    void checkSecureAlias(BusTransaction tx) throws BusFault {
        if (!enabled) {
            throw tx.fault("secure alias while TrustZone is disabled (TZEN=0xC3)");
        }
        if (!tx.access().secure()) {
            throw tx.fault("non-secure access to a secure alias");
        }
    }

    void checkFlashSector(BusTransaction tx, FlashAddressMap.Location location) throws BusFault {
        if (!enabled) {
            return;
        }
        boolean secure = sectorSecure(location.bank(), location.sector());
        if (secure && !tx.secureAlias()) {
            throw tx.fault(String.format("bank %d sector %d is secure; reach it through 0x0C000000", location.bank(), location.sector()));
        }
        if (!secure && tx.secureAlias()) {
            throw tx.fault(String.format("bank %d sector %d is non-secure; reach it through 0x08000000", location.bank(), location.sector()));
        }
    }

    void checkSecureRegister(BusTransaction tx, String register) throws BusFault {
        if (!enabled) {
            throw tx.fault(register + " is a secure register and TrustZone is disabled (TZEN=0xC3)");
        }
        if (!tx.secureAlias() || !tx.access().secure()) {
            throw tx.fault(register + " is a secure register: secure access through 0x50022000 only");
        }
    }

    int secureBlockRegister(int bank, int index) {
        return secureBlockBits[bank - 1][index];
    }

    void setSecureBlockRegister(int bank, int index, int value) {
        secureBlockBits[bank - 1][index] = value;
    }
}
