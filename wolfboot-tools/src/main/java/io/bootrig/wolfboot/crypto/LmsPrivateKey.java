package io.bootrig.wolfboot.crypto;

import io.bootrig.wolfboot.FormatException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.LMSPrivateKeyParameters;
import org.bouncycastle.crypto.signers.LMSSigner;

/**
 * An HSS private key in the file format wolfBoot's keygen writes (wolfSSL's): q (u64 BE, signatures
 * used) || one parameter byte per level ((LMS type &lt;&lt; 4) | LM-OTS type, 0xFF padded to 8) ||
 * SEED (32) || I (16), followed by the 60-byte HSS public key. Lower trees are derived from the upper
 * tree's SEED, I and leaf index as RFC 8554 / hash-sigs do, so signatures match wolfSSL's.
 * Immutable: {@link #withQ} returns the advanced state.
 */
public final class LmsPrivateKey {
    public static final int PRIVATE_SIZE = 64;
    public static final int FILE_SIZE = PRIVATE_SIZE + 60;

    private final LmsParameters params;
    private final long q;
    private final byte[] seed;
    private final byte[] id;
    private final byte[] publicKey;

    private LmsPrivateKey(LmsParameters params, long q, byte[] seed, byte[] id, byte[] publicKey) {
        this.params = params;
        this.q = q;
        this.seed = seed;
        this.id = id;
        this.publicKey = publicKey;
    }

    public static LmsPrivateKey generate(LmsParameters params, SecureRandom random) {
        byte[] seed = new byte[32];
        byte[] id = new byte[16];
        random.nextBytes(seed);
        random.nextBytes(id);
        LMSPrivateKeyParameters top = tree(params, 0, id, seed);
        byte[] pub = ByteBuffer.allocate(60).putInt(params.levels()).put(encodedPublic(top)).array();
        return new LmsPrivateKey(params, 0, seed, id, pub);
    }

    public static LmsPrivateKey parse(String source, byte[] file) throws FormatException {
        if (file.length != FILE_SIZE) {
            throw new FormatException(source, "key", "LMS key file must be " + FILE_SIZE
                    + " bytes (64-byte HSS private key + 60-byte public key), got " + file.length);
        }
        ByteBuffer b = ByteBuffer.wrap(file);
        long q = b.getLong();
        byte[] paramBytes = new byte[8];
        b.get(paramBytes);
        int levels = 0;
        while (levels < 8 && paramBytes[levels] != (byte) 0xFF) {
            levels++;
        }
        for (int i = levels; i < 8; i++) {
            if (paramBytes[i] != (byte) 0xFF) {
                throw new FormatException(source, "key.params", "parameter bytes must be 0xFF after the last level");
            }
        }
        if (levels == 0) {
            throw new FormatException(source, "key.params", "no LMS level in the parameter bytes");
        }
        int lmsType = (paramBytes[0] & 0xFF) >> 4;
        int otsType = paramBytes[0] & 0x0F;
        for (int i = 1; i < levels; i++) {
            if (paramBytes[i] != paramBytes[0]) {
                throw new FormatException(source, "key.params", "levels with different parameters are not supported");
            }
        }
        int lv = levels;
        LmsParameters params = LmsParameters.fromTypes(levels, lmsType, otsType).orElseThrow(() -> new FormatException(
                source, "key.params", "unknown LMS parameter byte 0x" + Integer.toHexString(paramBytes[0] & 0xFF)
                        + " (expected (LMS type 5..9 << 4) | LM-OTS type 1..4) for " + lv + " levels"));
        byte[] seed = new byte[32];
        byte[] id = new byte[16];
        byte[] pub = new byte[60];
        b.get(seed).get(id).get(pub);
        ByteBuffer pb = ByteBuffer.wrap(pub);
        if (pb.getInt() != levels || pb.getInt() != lmsType || pb.getInt() != otsType) {
            throw new FormatException(source, "key.public", "public key parameters disagree with the private key's");
        }
        if (q < 0 || q > params.capacity()) {
            throw new FormatException(source, "key.q", "signature index " + Long.toUnsignedString(q)
                    + " is beyond the key's capacity " + params.capacity());
        }
        return new LmsPrivateKey(params, q, seed, id, pub);
    }

    public byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(FILE_SIZE);
        b.putLong(q);
        byte[] paramBytes = new byte[8];
        Arrays.fill(paramBytes, (byte) 0xFF);
        for (int i = 0; i < params.levels(); i++) {
            paramBytes[i] = (byte) (params.lmsType() << 4 | params.otsType());
        }
        return b.put(paramBytes).put(seed).put(id).put(publicKey).array();
    }

    public LmsParameters parameters() {
        return params;
    }

    /** Signatures already used; the next signature uses this index. */
    public long q() {
        return q;
    }

    public long remaining() {
        return params.capacity() - q;
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    public LmsPrivateKey withQ(long newQ) {
        return new LmsPrivateKey(params, newQ, seed, id, publicKey);
    }

    /** Checks that SEED and I really produce the stored public key. */
    public boolean publicKeyMatches() {
        byte[] top = encodedPublic(tree(params, 0, id, seed));
        return Arrays.equals(top, Arrays.copyOfRange(publicKey, 4, 60));
    }

    /** The HSS signature of {@code message} with one-time key index {@code index} (does not change state). */
    public byte[] signAt(long index, byte[] message) throws KeyExhaustedException {
        if (index < 0 || index >= params.capacity()) {
            throw new KeyExhaustedException("LMS key " + params.label() + " has no signature with index " + index
                    + " (capacity " + params.capacity() + ")");
        }
        int levels = params.levels();
        int h = params.height();
        ByteArrayOutputStream out = new ByteArrayOutputStream(params.signatureSize());
        out.writeBytes(ByteBuffer.allocate(4).putInt(levels - 1).array());
        byte[] s = seed;
        byte[] i = id;
        LMSPrivateKeyParameters current = tree(params, leaf(index, 0), i, s);
        for (int level = 0; level < levels - 1; level++) {
            int qi = leaf(index, level);
            byte[] childSeed = derive(i, qi, 0xFFFE, s);
            byte[] childId = Arrays.copyOf(derive(i, qi, 0xFFFF, s), 16);
            LMSPrivateKeyParameters child = tree(params, leaf(index, level + 1), childId, childSeed);
            byte[] childPub = encodedPublic(child);
            out.writeBytes(lmsSign(current, childPub));
            out.writeBytes(childPub);
            current = child;
            s = childSeed;
            i = childId;
        }
        out.writeBytes(lmsSign(current, message));
        return out.toByteArray();
    }

    private int leaf(long index, int level) {
        int h = params.height();
        return (int) ((index >>> (h * (params.levels() - 1 - level))) & ((1L << h) - 1));
    }

    private static LMSPrivateKeyParameters tree(LmsParameters p, int q, byte[] id, byte[] seed) {
        return new LMSPrivateKeyParameters(p.lmsParameters(), p.otsParameters(), q, id, 1 << p.height(), seed);
    }

    private static byte[] encodedPublic(LMSPrivateKeyParameters tree) {
        try {
            return tree.getPublicKey().getEncoded();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] lmsSign(LMSPrivateKeyParameters tree, byte[] message) {
        LMSSigner signer = new LMSSigner();
        signer.init(true, tree);
        return signer.generateSignature(message);
    }

    /** H(I || u32 q || u16 j || 0xFF || SEED), the pseudo-random derivation of RFC 8554 Appendix A. */
    private static byte[] derive(byte[] id, int q, int j, byte[] seed) {
        SHA256Digest d = new SHA256Digest();
        d.update(id, 0, id.length);
        byte[] tail = ByteBuffer.allocate(7).putInt(q).putShort((short) j).put((byte) 0xFF).array();
        d.update(tail, 0, tail.length);
        d.update(seed, 0, seed.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    @Override
    public String toString() {
        return "LmsPrivateKey[" + params.label() + ", q=" + q + "]";
    }
}
