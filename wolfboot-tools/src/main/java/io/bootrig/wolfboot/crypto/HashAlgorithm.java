package io.bootrig.wolfboot.crypto;

import java.util.Optional;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA3Digest;

/** The image digest algorithms wolfBoot's sign tool offers; the tag is the digest TLV's tag. */
public enum HashAlgorithm {
    SHA256(0x0003, 32, "SHA256"),
    SHA384(0x0014, 48, "SHA384"),
    SHA3_384(0x0013, 48, "SHA3-384");

    private final int tlvTag;
    private final int digestSize;
    private final String displayName;

    HashAlgorithm(int tlvTag, int digestSize, String displayName) {
        this.tlvTag = tlvTag;
        this.digestSize = digestSize;
        this.displayName = displayName;
    }

    public int tlvTag() {
        return tlvTag;
    }

    public int digestSize() {
        return digestSize;
    }

    public String displayName() {
        return displayName;
    }

    public Digest newDigest() {
        return switch (this) {
            case SHA256 -> new SHA256Digest();
            case SHA384 -> new SHA384Digest();
            case SHA3_384 -> new SHA3Digest(384);
        };
    }

    public byte[] hash(byte[] data) {
        return hash(data, 0, data.length);
    }

    public byte[] hash(byte[] data, int off, int len) {
        Digest d = newDigest();
        d.update(data, off, len);
        byte[] out = new byte[d.getDigestSize()];
        d.doFinal(out, 0);
        return out;
    }

    public static Optional<HashAlgorithm> byTlvTag(int tag) {
        for (HashAlgorithm h : values()) {
            if (h.tlvTag == tag) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }

    /** Parses a wolfBoot .config HASH value (SHA256, SHA384, SHA3). */
    public static Optional<HashAlgorithm> byConfigName(String name) {
        return switch (name.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "SHA256" -> Optional.of(SHA256);
            case "SHA384" -> Optional.of(SHA384);
            case "SHA3", "SHA3_384", "SHA3-384" -> Optional.of(SHA3_384);
            default -> Optional.empty();
        };
    }
}
