package io.bootrig.rig.qualify;

import io.bootrig.wolfboot.config.PartitionLayout;
import io.bootrig.wolfboot.image.ImageVerifier;
import io.bootrig.wolfboot.image.RejectReason;
import io.bootrig.wolfboot.image.SignedImage;
import io.bootrig.wolfboot.image.Verdict;
import io.bootrig.wolfboot.keystore.Keystore;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What wolfBoot should do with an update image, from the keystore alone: an image whose version is not above the
 * running one is never the candidate; otherwise it is verified as at boot (DUALBANK: the partition id only against the
 * key's mask; swap-based: it must also be 1).
 *
 * @param taken whether the board should boot it after the reboot
 * @param why   one line: "taken", "not taken: version ...", or "rejected: reason (detail)"
 */
public record Prediction(boolean taken, String why) {

    static Prediction of(SignedImage image, Keystore keystore, PartitionLayout layout, long running) {
        long version = image.version().orElse(0);
        if (version <= running) {
            return new Prediction(false, "not taken: version " + version + " is not above the running " + running);
        }
        Verdict v = ImageVerifier.verify(image, keystore, layout.dualBankSwap() ? OptionalInt.empty() : OptionalInt.of(1),
                Optional.of(layout.sign()));
        if (!v.accepted()) {
            return new Prediction(false, "rejected: " + v.reason().map(RejectReason::label).orElse("?") + " ("
                    + v.detail() + ")");
        }
        return new Prediction(true, "taken (slot " + v.slot().orElse(-1) + ")");
    }
}
