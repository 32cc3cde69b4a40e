package io.bootrig.wolfboot.keystore;

/**
 * The files a wolfBoot keystore comes in. They differ in what pubkey_size means: the key's own
 * length (keystore.c and the OTP image, which otp-keystore-gen copies from keystore.c) or the
 * algorithm's fixed KEYSTORE_PUBKEY_SIZE (keystore.der).
 */
public enum KeystoreFormat {
    /** keystore.c, the C source keygen writes. */
    C_SOURCE(true),
    /** keystore.der, the binary slots keygen writes. */
    DER(false),
    /** A 2048-byte STM32H5 OTP image (otp.bin, or a read-back of the OTP area). */
    OTP(true);

    private final boolean actualKeySizes;

    KeystoreFormat(boolean actualKeySizes) {
        this.actualKeySizes = actualKeySizes;
    }

    /** True when pubkey_size is the key's own length, false when it is the fixed slot size. */
    public boolean actualKeySizes() {
        return actualKeySizes;
    }
}
