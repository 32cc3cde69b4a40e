package io.bootrig.wolfboot.config;

import static io.bootrig.wolfboot.config.ConfigKeys.*;

import io.bootrig.wolfboot.FormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks that a layout's pieces fit together: sector alignment, no overlaps (compared in the
 * non-secure alias), inside the target's flash, room for header and trailer, and the bank
 * mirroring DUALBANK_SWAP needs.
 */
final class LayoutValidator {
    private LayoutValidator() {}

    /** A region with the key to blame when it is wrong. */
    private record Placed(String what, String key, Region nonSecure) {}

    static void check(WolfBootConfig c, PartitionLayout l) throws FormatException {
        long sector = l.sectorSize();
        if (l.partitionSize() % sector != 0) {
            throw c.invalid(PARTITION_SIZE, size(l.partitionSize()) + " is not a multiple of "
                    + SECTOR_SIZE + " " + size(sector));
        }
        List<Partition> partitions = new ArrayList<>(List.of(l.boot(), l.update()));
        l.swap().ifPresent(partitions::add);
        for (Partition p : partitions) {
            if (p.nonSecureAddress() % sector != 0) {
                throw c.invalid(p.addressKey(), hex(p.address()) + " is not aligned to " + SECTOR_SIZE + " "
                        + size(sector));
            }
        }
        if (l.partitionSize() / sector <= l.trailerSectorCount()) {
            throw c.invalid(PARTITION_SIZE, size(l.partitionSize()) + " is " + l.partitionSize() / sector
                    + " sector(s); the trailer alone takes " + l.trailerSectorCount());
        }
        if (l.maxFirmwareSize() <= 0) {
            throw c.invalid(IMAGE_HEADER_SIZE, "a " + l.headerSize() + "-byte header and " + l.trailerSectorCount()
                    + " trailer sector(s) leave no room for firmware in a " + size(l.partitionSize()) + " partition");
        }

        List<Placed> placed = new ArrayList<>();
        for (Partition p : partitions) {
            placed.add(new Placed(p.name() + " partition", p.addressKey(), p.nonSecureRegion()));
        }
        addRegion(l, placed, "keyvault", KEYVAULT_ADDRESS, l.keyvault());
        addRegion(l, placed, "NSC area", NSC_ADDRESS, l.nsc());

        if (l.flash().isPresent()) {
            checkInFlash(c, l.flash().get(), placed, l);
        }
        if (l.boot().nonSecureAddress() < l.flashBase()) {
            throw c.invalid(BOOT_ADDRESS, hex(l.boot().address()) + " is below the flash base " + hex(l.flashBase()));
        }
        Region wolfBoot = new Region(l.flashBase(), l.bootloaderSize());
        for (int i = 0; i < placed.size(); i++) {
            Placed a = placed.get(i);
            if (!a.what().endsWith("partition")) {
                continue;
            }
            if (a.nonSecure().overlaps(wolfBoot)) {
                throw c.invalid(a.key(), a.what() + " " + a.nonSecure() + " overlaps wolfBoot's area " + wolfBoot
                        + " (below " + BOOT_ADDRESS + ")");
            }
        }
        for (int i = 0; i < placed.size(); i++) {
            for (int j = i + 1; j < placed.size(); j++) {
                Placed a = placed.get(i);
                Placed b = placed.get(j);
                if (a.nonSecure().overlaps(b.nonSecure())) {
                    throw c.invalid(b.key(), b.what() + " " + b.nonSecure() + " overlaps the " + a.what() + " "
                            + a.nonSecure() + " (non-secure alias)");
                }
            }
        }
        if (l.dualBankSwap() && l.flash().isPresent()) {
            checkMirrored(c, l.flash().get(), l);
        }
    }

    private static void addRegion(PartitionLayout l, List<Placed> placed, String what, String key,
            Optional<Region> r) {
        r.ifPresent(region -> placed.add(new Placed(what, key,
                new Region(l.toNonSecure(region.address()), region.size()))));
    }

    private static void checkInFlash(WolfBootConfig c, FlashGeometry f, List<Placed> placed, PartitionLayout l)
            throws FormatException {
        Region flash = new Region(f.base(), f.size());
        for (Placed p : placed) {
            if (!f.isFlash(p.nonSecure().address())) {
                throw c.invalid(p.key(), hex(p.nonSecure().address()) + " is not in the " + f.target() + " flash ("
                        + flash + (f.secureAliasBit() != 0 ? ", secure alias " + new Region(f.secureBase(), f.size())
                        : "") + ")");
            }
            if (!flash.contains(p.nonSecure())) {
                throw c.invalid(p.key(), p.what() + " " + p.nonSecure() + " runs past the end of the "
                        + f.target() + " flash " + hex(f.end()));
            }
        }
        if (l.boot().nonSecureAddress() == f.base()) {
            throw c.invalid(BOOT_ADDRESS, "the boot partition at the start of flash leaves no room for wolfBoot");
        }
    }

    /** A bank swap maps the other bank onto the first, so UPDATE must sit at BOOT's offset there. */
    private static void checkMirrored(WolfBootConfig c, FlashGeometry f, PartitionLayout l) throws FormatException {
        long bootNs = l.boot().nonSecureAddress();
        long updateNs = l.update().nonSecureAddress();
        int bootBank = f.bankOf(bootNs);
        int updateBank = f.bankOf(updateNs);
        long expected = bootNs - f.bankBase(bootBank) + f.bankBase(bootBank == 1 ? 2 : 1);
        if (f.banks() < 2 || bootBank == updateBank || updateNs - f.bankBase(updateBank) != bootNs
                - f.bankBase(bootBank)) {
            throw c.invalid(UPDATE_ADDRESS, "DUALBANK_SWAP=1 needs the update partition at the boot partition's"
                    + " offset in the other bank (" + hex(expected) + " or its secure alias " + hex(f.toSecure(expected))
                    + "), not " + hex(l.update().address()));
        }
    }

    private static String hex(long v) {
        return ConfigNumber.hex(v);
    }

    private static String size(long v) {
        return ConfigNumber.size(v);
    }
}
