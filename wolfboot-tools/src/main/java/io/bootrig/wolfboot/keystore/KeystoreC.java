package io.bootrig.wolfboot.keystore;

import io.bootrig.wolfboot.crypto.AuthType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The content of a keystore.c: its slots and the algorithm named in the
 * {@code KEYSTORE_PUBKEY_SIZE != KEYSTORE_PUBKEY_SIZE_<alg>} guard (keygen's last algorithm flag).
 *
 * @param deviation empty when the file was keygen 2.9.0's exact text; otherwise where it first
 *                  differs, the keys having been read from its C structure instead
 */
public record KeystoreC(Keystore keystore, AuthType lastAlgorithm, Optional<Deviation> deviation) {

    /**
     * Where a keystore.c stops being keygen 2.9.0's text.
     *
     * @param line   1-based line at which the exact parse stopped
     * @param detail the exact parser's complaint there, as "field: problem"
     */
    public record Deviation(int line, String detail) {
        public Deviation {
            Objects.requireNonNull(detail, "detail");
        }
    }

    public KeystoreC {
        Objects.requireNonNull(keystore, "keystore");
        Objects.requireNonNull(lastAlgorithm, "lastAlgorithm");
        Objects.requireNonNull(deviation, "deviation");
    }

    /** Content that is (or will be written as) keygen 2.9.0's exact text. */
    public KeystoreC(Keystore keystore, AuthType lastAlgorithm) {
        this(keystore, lastAlgorithm, Optional.empty());
    }

    /** True when the file was keygen 2.9.0's exact text, so emitting it reproduces the file byte for byte. */
    public boolean canonical() {
        return deviation.isEmpty();
    }

    /**
     * A keystore as keygen builds it from keys in command-line order: slot ids 0, 1, 2, … and
     * pubkey_size = each key's own length (an RSA key's DER length).
     */
    public static KeystoreC of(List<KeygenKey> keys, AuthType lastAlgorithm, String origin) {
        List<KeystoreSlot> slots = new ArrayList<>();
        for (KeygenKey k : keys) {
            byte[] pub = k.pubkey();
            slots.add(new KeystoreSlot(slots.size(), k.type().code(), k.partIdMask(), pub.length, pub, k.source()));
        }
        return new KeystoreC(new Keystore(slots, origin), lastAlgorithm);
    }
}
