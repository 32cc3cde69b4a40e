package io.bootrig.wolfboot.image;

import java.util.Locale;

/** Why wolfBoot would refuse an image: exactly one class per rejection. */
public enum RejectReason {
    /** The digest in the header does not match the header and payload. */
    INTEGRITY,
    /** The signature has the wrong size or does not verify with the key. */
    SIGNATURE,
    /** No keystore slot's key hashes to the image's pubkey hint. */
    UNKNOWN_KEY,
    /** The key's partition mask does not allow the image's partition id (or the id is not the one required). */
    PERMISSION,
    /** The image's algorithm is not the key's (or the device's). */
    AUTH_TYPE,
    /** A TLV verification needs is missing or has the wrong size. */
    MALFORMED;

    /** The name used in reports and JSON: integrity, signature, unknown-key, permission, auth-type, malformed. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
