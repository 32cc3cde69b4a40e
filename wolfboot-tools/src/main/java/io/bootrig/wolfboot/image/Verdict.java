package io.bootrig.wolfboot.image;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The outcome of verifying an image against a keystore.
 *
 * @param reason     empty when accepted, else the one reason class
 * @param detail     what was checked or what failed, in words
 * @param slot       the keystore slot id the pubkey hint selected, when found
 * @param version    the image's version, when present
 * @param partitionId the image's partition id, when present
 */
public record Verdict(Optional<RejectReason> reason, String detail, OptionalLong slot, OptionalLong version,
        OptionalInt partitionId) {

    public boolean accepted() {
        return reason.isEmpty();
    }

    public String label() {
        return accepted() ? "accept" : "reject";
    }
}
