package io.bootrig.wolfboot.keystore;

import io.bootrig.wolfboot.crypto.AuthType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The content of a keygen-written keystore.c: its slots and the algorithm named in the
 * {@code KEYSTORE_PUBKEY_SIZE != KEYSTORE_PUBKEY_SIZE_<alg>} guard (keygen's last algorithm flag).
 */
public record KeystoreC(Keystore keystore, AuthType lastAlgorithm) {

    public KeystoreC {
        Objects.requireNonNull(keystore, "keystore");
        Objects.requireNonNull(lastAlgorithm, "lastAlgorithm");
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
