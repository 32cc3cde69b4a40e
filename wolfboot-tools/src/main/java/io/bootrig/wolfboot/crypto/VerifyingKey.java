package io.bootrig.wolfboot.crypto;

/** A decoded wolfBoot public key that checks a signature over an image digest. */
public interface VerifyingKey {
    AuthType authType();

    /** The exact signature size the device requires for this key. */
    int signatureSize();

    /** True when {@code signature} is this key's signature over {@code digest}, as wolfBoot checks it. */
    boolean verify(byte[] digest, byte[] signature);

    /** One line for reports: algorithm and parameters, never key material. */
    String describe();
}
