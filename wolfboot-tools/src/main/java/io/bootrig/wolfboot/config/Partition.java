package io.bootrig.wolfboot.config;

/**
 * A wolfBoot partition as the config places it.
 *
 * @param name             "boot", "update" or "swap"
 * @param addressKey       the config key that gives its address
 * @param address          the address as configured (either alias)
 * @param size             bytes
 * @param nonSecureAddress the same place in the non-secure alias
 * @param secureAddress    the same place in the secure alias (equal to the others without TrustZone aliasing)
 */
public record Partition(String name, String addressKey, long address, long size, long nonSecureAddress,
        long secureAddress) {

    /** One past the last byte, in the configured alias. */
    public long end() {
        return address + size;
    }

    /** Whether the config addresses it through the secure alias. */
    public boolean configuredSecure() {
        return address == secureAddress && secureAddress != nonSecureAddress;
    }

    public Region region() {
        return new Region(address, size);
    }

    public Region nonSecureRegion() {
        return new Region(nonSecureAddress, size);
    }

    @Override
    public String toString() {
        return name + " partition " + region();
    }
}
