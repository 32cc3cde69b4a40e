package io.bootrig.wolfboot.config;

import java.util.Locale;
import java.util.Optional;

/**
 * The internal flash of a target this tool knows: where it sits, its TrustZone secure alias and
 * its banks. Addresses are compared in the non-secure alias.
 *
 * @param target         the wolfBoot TARGET name
 * @param base           first byte of flash, non-secure alias
 * @param size           bytes of flash
 * @param secureAliasBit the address bit that selects the secure alias (0: none)
 * @param bankSize       bytes per bank
 * @param pageSize       erase page, the unit of the SECWM sector indexes
 */
public record FlashGeometry(String target, long base, long size, long secureAliasBit, long bankSize, long pageSize) {

    /** STM32H563: 2 MB in two 1 MB banks of 8 KB pages; secure alias 0x0C000000 (hal/stm32h5.h). */
    public static final FlashGeometry STM32H5 =
            new FlashGeometry("stm32h5", 0x0800_0000L, 0x20_0000L, 0x0400_0000L, 0x10_0000L, 0x2000L);

    public static Optional<FlashGeometry> forTarget(String target) {
        return target.toLowerCase(Locale.ROOT).equals(STM32H5.target) ? Optional.of(STM32H5) : Optional.empty();
    }

    public long end() {
        return base + size;
    }

    public int banks() {
        return (int) (size / bankSize);
    }

    /** First byte of a bank (1-based, as in SECWM1/SECWM2), non-secure alias. */
    public long bankBase(int bank) {
        return base + (bank - 1) * bankSize;
    }

    /** Whether the address is in the flash, through either alias. */
    public boolean isFlash(long address) {
        return contains(toNonSecure(address));
    }

    public boolean isSecureAlias(long address) {
        return secureAliasBit != 0 && address >= secureBase() && address < secureBase() + size;
    }

    public long toNonSecure(long address) {
        return isSecureAlias(address) ? address & ~secureAliasBit : address;
    }

    public long toSecure(long address) {
        return secureAliasBit != 0 && contains(address) ? address | secureAliasBit : address;
    }

    public long secureBase() {
        return base | secureAliasBit;
    }

    /** Bank number (1-based) of a non-secure flash address. */
    public int bankOf(long nonSecureAddress) {
        return (int) ((nonSecureAddress - base) / bankSize) + 1;
    }

    private boolean contains(long nonSecureAddress) {
        return nonSecureAddress >= base && nonSecureAddress < end();
    }
}
