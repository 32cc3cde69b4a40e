package io.bootrig.wolfboot.keystore;

import io.bootrig.wolfboot.crypto.AuthType;
import java.util.Objects;

/**
 * One key as keygen adds it to a keystore ({@code --<alg> --id <ids> -g|-i <file>}).
 *
 * @param type       the algorithm flag in force
 * @param partIdMask the --id mask in force (0xFFFFFFFF when none was given)
 * @param pubkey     the raw public key bytes (keystore encoding: ECC X||Y, RSA DER, …)
 * @param source     the key file name as given on the command line
 */
public record KeygenKey(AuthType type, long partIdMask, byte[] pubkey, String source) {

    public KeygenKey {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        if (partIdMask < 0 || partIdMask > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("part_id_mask must be a u32, got " + partIdMask);
        }
        if (source.indexOf('\n') >= 0 || source.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("key file name must be one line: " + source.strip());
        }
        pubkey = pubkey.clone();
    }

    @Override
    public byte[] pubkey() {
        return pubkey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeygenKey k && k.type == type && k.partIdMask == partIdMask
                && java.util.Arrays.equals(k.pubkey, pubkey) && k.source.equals(source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, partIdMask, source) * 31 + java.util.Arrays.hashCode(pubkey);
    }

    /** A key with every partition id allowed, keygen's default. */
    public static KeygenKey allPartitions(AuthType type, byte[] pubkey, String source) {
        return new KeygenKey(type, KeystoreSlot.KEY_VERIFY_ALL, pubkey, source);
    }
}
