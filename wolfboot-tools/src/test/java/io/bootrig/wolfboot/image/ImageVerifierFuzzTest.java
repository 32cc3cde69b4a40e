package io.bootrig.wolfboot.image;

import static io.bootrig.wolfboot.FuzzChecks.require;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.crypto.AuthType;
import io.bootrig.wolfboot.keystore.Keystore;
import io.bootrig.wolfboot.keystore.KeystoreSlot;
import io.bootrig.wolfboot.keystore.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@link ImageVerifier#verify} on every image {@link SignedImage#parse} accepts: always a verdict
 * (accept, or exactly one reason), never an exception, whatever the TLVs, hint or signature bytes.
 * The keystore holds the keys of every algorithm in fixtures/wolfboot, so mutated images reach the
 * signature check of each.
 */
class ImageVerifierFuzzTest {
    private static final Keystore KEYS = allVectorKeys();

    @FuzzTest(maxDuration = "5m")
    void verify(byte[] data) {
        SignedImage img;
        try {
            img = SignedImage.parse("image.bin", data, OptionalInt.empty());
        } catch (FormatException e) {
            return;
        }
        check(ImageVerifier.verify(img, KEYS, OptionalInt.empty(), Optional.empty()));
        check(ImageVerifier.verify(img, KEYS, OptionalInt.of(1), Optional.of(AuthType.LMS)));
    }

    private static void check(Verdict v) {
        require(v != null && v.detail() != null && !v.detail().isBlank(), "a verdict without detail");
    }

    private static Keystore allVectorKeys() {
        List<KeystoreSlot> slots = new ArrayList<>();
        for (String alg : Vectors.ALGORITHMS) {
            slots.addAll(Vectors.keystoreFromDer(alg).slots());
        }
        return new Keystore(slots, "fixtures/wolfboot/*/keystore.der");
    }
}
