package io.bootrig.wolfboot.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The SECWM ranges a TrustZone layout needs in the state wolfBoot expects before any bank swap:
 * every secure piece of a bank, from its first to its last sector. Secure pieces are wolfBoot's
 * area (code, keyvault and NSC, everything below BOOT), keyvault and NSC wherever they are,
 * partitions addressed through the secure alias and, with DUALBANK_SWAP, wolfBoot's copy at the
 * start of bank 2 (hal_flash_dualbank_swap writes SECWM1 end 0x2F, SECWM2 end 0x7F for the examples).
 */
public final class SecureWatermarks {
    private SecureWatermarks() {}

    /** A piece of flash that must be secure, non-secure alias. */
    public record SecurePiece(String what, Region nonSecure) {}

    /**
     * @throws IllegalArgumentException when the layout's target flash is unknown or has no such bank
     */
    public static SecureWatermark required(PartitionLayout layout, int bank) {
        FlashGeometry f = geometry(layout, bank);
        Region bankRegion = new Region(f.bankBase(bank), f.bankSize());
        long first = Long.MAX_VALUE;
        long last = -1;
        for (SecurePiece p : pieces(layout)) {
            Region r = p.nonSecure();
            if (!r.overlaps(bankRegion)) {
                continue;
            }
            long from = Math.max(r.address(), bankRegion.address()) - bankRegion.address();
            long to = Math.min(r.last(), bankRegion.last()) - bankRegion.address();
            first = Math.min(first, from / f.pageSize());
            last = Math.max(last, to / f.pageSize());
        }
        return last < 0 ? SecureWatermark.none(bank) : new SecureWatermark(bank, (int) first, (int) last);
    }

    /** The pieces that make a bank's range what it is, for messages. */
    public static List<SecurePiece> pieces(PartitionLayout layout, int bank) {
        FlashGeometry f = geometry(layout, bank);
        Region bankRegion = new Region(f.bankBase(bank), f.bankSize());
        List<SecurePiece> out = new ArrayList<>();
        for (SecurePiece p : pieces(layout)) {
            if (p.nonSecure().overlaps(bankRegion)) {
                out.add(p);
            }
        }
        return out;
    }

    private static List<SecurePiece> pieces(PartitionLayout l) {
        List<SecurePiece> out = new ArrayList<>();
        if (!l.trustZone()) {
            return out;
        }
        Region wolfBoot = new Region(l.flashBase(), l.bootloaderSize());
        out.add(new SecurePiece("wolfBoot's area (code, keyvault, NSC: all below " + ConfigKeys.BOOT_ADDRESS + "="
                + ConfigNumber.hex(l.boot().address()) + ")", wolfBoot));
        l.keyvault().map(r -> nonSecure(l, r)).filter(r -> !wolfBoot.contains(r))
                .ifPresent(r -> out.add(new SecurePiece("keyvault", r)));
        l.nsc().map(r -> nonSecure(l, r)).filter(r -> !wolfBoot.contains(r))
                .ifPresent(r -> out.add(new SecurePiece("NSC veneers", r)));
        for (Partition p : List.of(l.boot(), l.update())) {
            if (p.configuredSecure()) {
                out.add(new SecurePiece(p.name() + " partition (" + p.addressKey() + "="
                        + ConfigNumber.hex(p.address()) + ", secure alias)", p.nonSecureRegion()));
            }
        }
        l.swap().filter(Partition::configuredSecure).ifPresent(p -> out.add(new SecurePiece(
                "swap sector (secure alias)", p.nonSecureRegion())));
        if (l.dualBankSwap() && l.flash().isPresent() && l.flash().get().banks() >= 2) {
            out.add(new SecurePiece("wolfBoot's copy for DUALBANK_SWAP",
                    new Region(l.flash().get().bankBase(2), l.bootloaderSize())));
        }
        return out;
    }

    private static Region nonSecure(PartitionLayout l, Region r) {
        return new Region(l.toNonSecure(r.address()), r.size());
    }

    private static FlashGeometry geometry(PartitionLayout layout, int bank) {
        FlashGeometry f = layout.flash().orElseThrow(() -> new IllegalArgumentException(
                "no flash geometry known for TARGET=" + layout.target()));
        if (bank < 1 || bank > f.banks()) {
            throw new IllegalArgumentException(f.target() + " has banks 1.." + f.banks() + ", not " + bank);
        }
        return f;
    }
}
