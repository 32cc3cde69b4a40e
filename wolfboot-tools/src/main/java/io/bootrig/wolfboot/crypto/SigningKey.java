package io.bootrig.wolfboot.crypto;

import java.io.IOException;

/**
 * A private key that signs image digests the way wolfBoot's sign tool does. Implementations never
 * expose private material through {@code toString} or {@link #describe()}.
 */
public interface SigningKey {
    AuthType authType();

    /** The raw public key as a keystore slot holds it; its hash is the image's pubkey hint. */
    byte[] publicKey();

    /** The exact size of the signatures this key makes. */
    int signatureSize();

    /**
     * Signs a digest. A stateful key persists its advanced state before the signature is returned.
     *
     * @throws KeyExhaustedException when a stateful key has no signatures left
     * @throws IOException when a stateful key's new state cannot be stored
     */
    byte[] sign(byte[] digest) throws IOException, KeyExhaustedException;

    /** Algorithm and parameters for reports, never key material. */
    String describe();
}
