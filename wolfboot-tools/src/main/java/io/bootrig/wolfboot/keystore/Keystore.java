package io.bootrig.wolfboot.keystore;

import io.bootrig.wolfboot.crypto.HashAlgorithm;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * The public keys wolfBoot verifies with, in slot order, whatever file they came from
 * (keystore.c, keystore.der or an OTP image).
 *
 * @param slots  the slots in stored order
 * @param origin what the keystore was read from, for messages
 */
public record Keystore(List<KeystoreSlot> slots, String origin) {

    public Keystore {
        slots = List.copyOf(slots);
    }

    public int size() {
        return slots.size();
    }

    /**
     * The first slot whose key material hashes to the hint, as wolfBoot's keyslot_id_by_sha does.
     */
    public Optional<KeystoreSlot> findByHint(byte[] hint, HashAlgorithm hash) {
        for (KeystoreSlot s : slots) {
            if (MessageDigest.isEqual(hash.hash(s.keyMaterial()), hint)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
