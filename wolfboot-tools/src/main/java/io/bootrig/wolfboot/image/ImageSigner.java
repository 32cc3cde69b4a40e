package io.bootrig.wolfboot.image;

import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.LittleEndian;
import io.bootrig.wolfboot.crypto.PublicKeyCodec;
import io.bootrig.wolfboot.crypto.HashAlgorithm;
import io.bootrig.wolfboot.crypto.KeyExhaustedException;
import io.bootrig.wolfboot.crypto.SigningKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Builds and signs an image byte-compatible with wolfBoot's sign tool (make_header_ex): the same
 * TLV order, the same 0xFF alignment so every value starts 8-byte aligned, the digest over the
 * header up to the digest TLV plus the payload, the signature over that digest.
 */
public final class ImageSigner {
    private ImageSigner() {}

    /** The header size this request and key produce: the request's, or the algorithm default. */
    public static int headerSize(SigningKey key, SignRequest req) {
        return req.headerSize().orElseGet(() -> key.authType().defaultHeaderSize(req.hash(), key.signatureSize()));
    }

    public static byte[] sign(byte[] payload, SigningKey key, SignRequest req) throws IOException, KeyExhaustedException {
        HashAlgorithm hash = req.hash();
        int headerSize = headerSize(key, req);
        Header h = new Header();
        h.u32(SignedImage.MAGIC & 0xFFFFFFFFL);
        h.u32(payload.length);
        h.tlv(TlvTag.VERSION, LittleEndian.u32Bytes(req.version()));
        h.align8();
        if (req.timestamp().isPresent()) {
            h.tlv(TlvTag.TIMESTAMP, LittleEndian.u64Bytes(req.timestamp().getAsLong()));
        }
        h.tlv(TlvTag.IMG_TYPE, LittleEndian.u16Bytes(key.authType().imageTypeAuthBits() | req.partitionId()));
        for (SignRequest.CustomTlv c : req.customTlvs()) {
            h.align8();
            h.tlv(c.tag(), c.value());
        }
        h.align8();
        h.tlv(TlvTag.PUBKEY, hash.hash(key.publicKey()));
        h.align8();
        int digestAt = h.size();
        int sigAt = align8(digestAt + 4 + hash.digestSize());
        int needed = sigAt + 4 + key.signatureSize();
        if (needed > headerSize) {
            throw new IllegalArgumentException("header size " + headerSize + " is too small: this header needs "
                    + needed + " bytes (" + key.authType().wolfBootName() + " signature of " + key.signatureSize() + ")");
        }
        org.bouncycastle.crypto.Digest md = hash.newDigest();
        md.update(h.bytes(), 0, digestAt);
        md.update(payload, 0, payload.length);
        byte[] digest = new byte[md.getDigestSize()];
        md.doFinal(digest, 0);
        h.tlv(hash.tlvTag(), digest);
        h.align8();
        byte[] sig = key.sign(digest);
        if (sig.length != key.signatureSize() || !selfVerify(key, digest, sig)) {
            throw new IllegalStateException(key.describe() + ": the signature just made does not verify with the key's"
                    + " own public key; the key file is damaged");
        }
        h.tlv(TlvTag.SIGNATURE, sig);
        byte[] out = new byte[headerSize + payload.length];
        Arrays.fill(out, 0, headerSize, (byte) 0xFF);
        System.arraycopy(h.bytes(), 0, out, 0, h.size());
        System.arraycopy(payload, 0, out, headerSize, payload.length);
        return out;
    }

    private static boolean selfVerify(SigningKey key, byte[] digest, byte[] sig) {
        try {
            return PublicKeyCodec.decode(key.authType(), key.publicKey(), "signing key").verify(digest, sig);
        } catch (FormatException e) {
            return false;
        }
    }

    /** sign.c's ALIGN_8: pad so that the value after the 4-byte tag and length is 8-aligned. */
    static int align8(int offset) {
        while (offset % 8 != 4) {
            offset++;
        }
        return offset;
    }

    private static final class Header {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        void u32(long v) {
            out.writeBytes(LittleEndian.u32Bytes(v));
        }

        void tlv(int tag, byte[] value) {
            out.writeBytes(LittleEndian.u16Bytes(tag));
            out.writeBytes(LittleEndian.u16Bytes(value.length));
            out.writeBytes(value);
        }

        void align8() {
            int target = ImageSigner.align8(out.size());
            while (out.size() < target) {
                out.write(0xFF);
            }
        }

        int size() {
            return out.size();
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
