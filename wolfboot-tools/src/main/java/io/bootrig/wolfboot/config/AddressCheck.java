package io.bootrig.wolfboot.config;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Compares what an operator is about to program (an image address, SECWM option bytes) with what
 * the config needs, and words the disagreement. wolfBoot's own docs disagree with its example
 * config (docs/flash-OTP.md: image at 0x08040000, SECWM1 end 0x1F), so operators meet this.
 */
public final class AddressCheck {
    private AddressCheck() {}

    /** Warning when a signed application image would not land on the BOOT partition. */
    public static Optional<String> applicationImage(PartitionLayout layout, long address) {
        return imageAt(layout, layout.boot(), "application image", address);
    }

    /** Warning when a signed update image would not land on the UPDATE partition. */
    public static Optional<String> updateImage(PartitionLayout layout, long address) {
        return imageAt(layout, layout.update(), "update image", address);
    }

    /**
     * Warning when an operator's SECWMx range differs from the one the config needs; for a target
     * without known TrustZone flash banks, a warning that it cannot be checked.
     */
    public static Optional<String> secureWatermark(PartitionLayout layout, int bank, int startSector, int endSector) {
        SecureWatermark given = new SecureWatermark(bank, startSector, endSector);
        if (layout.flash().isEmpty() || bank < 1 || bank > layout.flash().get().banks()) {
            return Optional.of(given + " cannot be checked: no flash bank " + bank + " known for TARGET="
                    + layout.target());
        }
        SecureWatermark needed = SecureWatermarks.required(layout, bank);
        if (needed.sameRange(given)) {
            return Optional.empty();
        }
        List<SecureWatermarks.SecurePiece> pieces = SecureWatermarks.pieces(layout, bank);
        String why = pieces.isEmpty()
                ? (layout.trustZone() ? "nothing in bank " + bank + " needs to be secure" : "the config has TZEN=0")
                : "secure: " + pieces.stream().map(p -> p.what() + " at " + p.nonSecure())
                        .collect(Collectors.joining("; "));
        FlashGeometry f = layout.flash().get();
        return Optional.of(given + " disagrees with " + layout.source() + ", which needs " + needed + " ("
                + f.pageSize() + "-byte sectors of bank " + bank + " at " + ConfigNumber.hex(f.bankBase(bank))
                + ", non-secure alias; " + why + ")");
    }

    private static Optional<String> imageAt(PartitionLayout layout, Partition p, String what, long address) {
        if (layout.toNonSecure(address) == p.nonSecureAddress()) {
            return Optional.empty();
        }
        StringBuilder m = new StringBuilder();
        m.append(what).append(" address ").append(ConfigNumber.hex(address)).append(" disagrees with ")
                .append(layout.source()).append(": ").append(p.addressKey()).append('=')
                .append(ConfigNumber.hex(p.address()));
        if (p.configuredSecure()) {
            m.append(" (non-secure alias ").append(ConfigNumber.hex(p.nonSecureAddress())).append(')');
        }
        m.append("; flash the signed image at ").append(ConfigNumber.hex(p.address()));
        if (p.equals(layout.boot()) && layout.toNonSecure(address) == layout.entryPoint()) {
            m.append(" (").append(ConfigNumber.hex(address)).append(" is where the firmware starts, after the ")
                    .append(layout.headerSize()).append("-byte manifest header)");
        } else if (p.equals(layout.boot())) {
            m.append(" (wolfBoot starts the application at ").append(ConfigNumber.hex(layout.entryPoint()))
                    .append(')');
        }
        return Optional.of(m.toString());
    }
}
