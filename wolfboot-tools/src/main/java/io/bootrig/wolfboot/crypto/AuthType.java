package io.bootrig.wolfboot.crypto;

import java.util.Locale;
import java.util.Optional;

/**
 * wolfBoot's AUTH_KEY_* algorithm identifiers (wolfboot.h), with the sizes the device and the
 * host tools derive from them. {@code signatureSize} 0 means the size follows the key's
 * parameters (LMS, XMSS, ML-DSA).
 */
public enum AuthType {
    ED25519(0x01, "ED25519", 32, 64, true),
    ECC256(0x02, "ECC256", 64, 64, true),
    RSA2048(0x03, "RSA2048", 320, 256, true),
    RSA4096(0x04, "RSA4096", 576, 512, true),
    ED448(0x05, "ED448", 57, 114, true),
    ECC384(0x06, "ECC384", 96, 96, true),
    ECC521(0x07, "ECC521", 132, 132, true),
    RSA3072(0x08, "RSA3072", 448, 384, true),
    LMS(0x09, "LMS", 60, 0, true),
    XMSS(0x0A, "XMSS", 68, 0, false),
    ML_DSA(0x0B, "ML_DSA", 1312, 0, false),
    RSAPSS2048(0x0C, "RSAPSS2048", 320, 256, false),
    RSAPSS3072(0x0D, "RSAPSS3072", 448, 384, false),
    RSAPSS4096(0x0E, "RSAPSS4096", 576, 512, false);

    private final int code;
    private final String wolfBootName;
    private final int keystorePubkeySize;
    private final int signatureSize;
    private final boolean supported;

    AuthType(int code, String wolfBootName, int keystorePubkeySize, int signatureSize, boolean supported) {
        this.code = code;
        this.wolfBootName = wolfBootName;
        this.keystorePubkeySize = keystorePubkeySize;
        this.signatureSize = signatureSize;
        this.supported = supported;
    }

    /** The AUTH_KEY_* value; the image type field carries it in bits 15..8. */
    public int code() {
        return code;
    }

    /** "ECC256", as in AUTH_KEY_ECC256, KEYSTORE_PUBKEY_SIZE_ECC256 and SIGN=ECC256. */
    public String wolfBootName() {
        return wolfBootName;
    }

    public String keystoreConstant() {
        return "AUTH_KEY_" + wolfBootName;
    }

    /** KEYSTORE_PUBKEY_SIZE_&lt;alg&gt;: the fixed slot size in keystore.der and the OTP. */
    public int keystorePubkeySize() {
        return keystorePubkeySize;
    }

    /** Exact signature size, or 0 when it depends on the key's parameters. */
    public int signatureSize() {
        return signatureSize;
    }

    /** Whether this project signs and verifies with it (the others are recognised only). */
    public boolean supported() {
        return supported;
    }

    public boolean isRsa() {
        return this == RSA2048 || this == RSA3072 || this == RSA4096;
    }

    public boolean isEcc() {
        return this == ECC256 || this == ECC384 || this == ECC521;
    }

    public int imageTypeAuthBits() {
        return code << 8;
    }

    public static Optional<AuthType> byCode(long code) {
        for (AuthType t : values()) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Accepts "ECC256", "ecc256", "AUTH_KEY_ECC256" or "--ecc256". */
    public static Optional<AuthType> byName(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        if (n.startsWith("--")) {
            n = n.substring(2);
        }
        if (n.startsWith("AUTH_KEY_")) {
            n = n.substring("AUTH_KEY_".length());
        }
        for (AuthType t : values()) {
            if (t.wolfBootName.equals(n)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * The manifest header size wolfBoot's sign tool picks when IMAGE_HEADER_SIZE is not given
     * (sign.c set_signature_sizes): stateful hash-based signatures take twice the signature.
     */
    public int defaultHeaderSize(HashAlgorithm hash, int actualSignatureSize) {
        return switch (this) {
            case ED25519, ECC256 -> 256;
            case ED448, ECC384, ECC521, RSA2048, RSAPSS2048 -> 512;
            case RSA3072, RSAPSS3072 -> hash == HashAlgorithm.SHA256 ? 512 : 1024;
            case RSA4096, RSAPSS4096 -> 1024;
            case LMS, XMSS, ML_DSA -> 2 * actualSignatureSize;
        };
    }
}
