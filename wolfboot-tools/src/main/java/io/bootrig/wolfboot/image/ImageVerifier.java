package io.bootrig.wolfboot.image;

import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.crypto.AuthType;
import io.bootrig.wolfboot.crypto.HashAlgorithm;
import io.bootrig.wolfboot.crypto.PublicKeyCodec;
import io.bootrig.wolfboot.crypto.VerifyingKey;
import io.bootrig.wolfboot.keystore.Keystore;
import io.bootrig.wolfboot.keystore.KeystoreSlot;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Verifies an image the way wolfBoot does at boot: integrity first (wolfBoot_verify_integrity), then
 * authenticity in the device's order (wolfBoot_verify_authenticity): algorithm, key by hint,
 * partition permission, exact signature size, signature.
 */
public final class ImageVerifier {
    private ImageVerifier() {}

    /**
     * @param requiredPartition the partition id the image must carry (an update must be 1), or empty
     * @param deviceAuth        the algorithm the device was built for, or empty to take the key's
     */
    public static Verdict verify(SignedImage img, Keystore keystore, OptionalInt requiredPartition,
            Optional<AuthType> deviceAuth) {
        OptionalLong version = img.version();
        OptionalInt part = img.partitionId();
        if (version.isEmpty()) {
            return reject(RejectReason.MALFORMED, "no VERSION TLV", OptionalLong.empty(), img);
        }
        if (img.imageType().isEmpty()) {
            return reject(RejectReason.MALFORMED, "no IMG_TYPE TLV", OptionalLong.empty(), img);
        }
        Optional<Tlv> digestTlv = img.digestTlv();
        if (digestTlv.isEmpty()) {
            return reject(RejectReason.MALFORMED, "no digest TLV (SHA256, SHA384 or SHA3_384)", OptionalLong.empty(), img);
        }
        HashAlgorithm hash = img.hashAlgorithm().orElseThrow();
        if (digestTlv.get().length() != hash.digestSize()) {
            return reject(RejectReason.MALFORMED, hash.displayName() + " TLV is " + digestTlv.get().length()
                    + " bytes, expected " + hash.digestSize(), OptionalLong.empty(), img);
        }
        byte[] computed = img.computeDigest().orElseThrow();
        if (!MessageDigest.isEqual(computed, digestTlv.get().value())) {
            return reject(RejectReason.INTEGRITY, hash.displayName() + " of header and payload does not match the "
                    + "digest TLV at offset " + digestTlv.get().offset(), OptionalLong.empty(), img);
        }
        int imageAuthCode = img.imageType().getAsInt() >> 8;
        Optional<AuthType> imageAuth = AuthType.byCode(imageAuthCode);
        if (deviceAuth.isPresent() && imageAuth.orElse(null) != deviceAuth.get()) {
            return reject(RejectReason.AUTH_TYPE, String.format("image type auth 0x%02x (%s), device expects %s",
                    imageAuthCode, imageAuth.map(AuthType::wolfBootName).orElse("unknown"),
                    deviceAuth.get().wolfBootName()), OptionalLong.empty(), img);
        }
        Optional<byte[]> hint = img.pubkeyHint();
        if (hint.isEmpty()) {
            return reject(RejectReason.MALFORMED, "no PUBKEY_HINT TLV", OptionalLong.empty(), img);
        }
        if (hint.get().length != hash.digestSize()) {
            return reject(RejectReason.MALFORMED, "PUBKEY_HINT is " + hint.get().length + " bytes, expected "
                    + hash.digestSize(), OptionalLong.empty(), img);
        }
        Optional<KeystoreSlot> slot = keystore.findByHint(hint.get(), hash);
        if (slot.isEmpty()) {
            return reject(RejectReason.UNKNOWN_KEY, "no key in " + keystore.origin() + " (" + keystore.size()
                    + " slots) matches pubkey hint " + java.util.HexFormat.of().formatHex(hint.get()),
                    OptionalLong.empty(), img);
        }
        KeystoreSlot s = slot.get();
        OptionalLong slotId = OptionalLong.of(s.slotId());
        Optional<AuthType> keyAuth = s.authType();
        if (keyAuth.isEmpty() || imageAuth.isEmpty() || keyAuth.get() != imageAuth.get()) {
            return reject(RejectReason.AUTH_TYPE, String.format("image is signed as %s, slot %d holds key type %s",
                    imageAuth.map(AuthType::wolfBootName).orElse(String.format("0x%02x", imageAuthCode)), s.slotId(),
                    keyAuth.map(AuthType::wolfBootName).orElse(String.valueOf(s.keyType()))), slotId, img);
        }
        int pid = part.getAsInt();
        if (requiredPartition.isPresent() && requiredPartition.getAsInt() != pid) {
            return reject(RejectReason.PERMISSION, "image is for partition id " + pid + ", required "
                    + requiredPartition.getAsInt(), slotId, img);
        }
        if (!s.allowsPartition(pid)) {
            return reject(RejectReason.PERMISSION, "slot " + s.slotId() + " mask " + s.maskHex()
                    + " does not allow partition id " + pid, slotId, img);
        }
        VerifyingKey key;
        try {
            key = PublicKeyCodec.decode(keyAuth.get(), s.keyMaterial(), keystore.origin() + " slot " + s.slotId());
        } catch (FormatException e) {
            return reject(RejectReason.AUTH_TYPE, "slot " + s.slotId() + " key cannot be used: " + e.problem(), slotId, img);
        }
        Optional<byte[]> sig = img.signature();
        if (sig.isEmpty()) {
            return reject(RejectReason.MALFORMED, "no SIGNATURE TLV", slotId, img);
        }
        if (sig.get().length != key.signatureSize()) {
            return reject(RejectReason.SIGNATURE, "signature is " + sig.get().length + " bytes, "
                    + key.authType().wolfBootName() + " requires exactly " + key.signatureSize(), slotId, img);
        }
        if (!key.verify(computed, sig.get())) {
            return reject(RejectReason.SIGNATURE, key.describe() + ": signature does not verify with slot "
                    + s.slotId(), slotId, img);
        }
        return new Verdict(Optional.empty(), "digest, " + key.describe() + " signature with slot " + s.slotId()
                + " (mask " + s.maskHex() + ") and partition id " + pid + " all valid", slotId, version, part);
    }

    private static Verdict reject(RejectReason r, String detail, OptionalLong slot, SignedImage img) {
        return new Verdict(Optional.of(r), detail, slot, img.version(), img.partitionId());
    }
}
