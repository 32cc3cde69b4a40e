package io.bootrig.wolfboot.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * ECDSA over the image digest itself (no second hash); the signature is r||s, each left-padded to
 * the coordinate size. k is derived per RFC 6979, so signing is reproducible.
 */
final class EccSigningKey implements SigningKey {
    private final AuthType type;
    private final int coord;
    private final ECPrivateKeyParameters priv;
    private final byte[] publicKey;

    EccSigningKey(AuthType type, BigInteger d) {
        this.type = type;
        X9ECParameters x9 = PublicKeyCodec.curve(type);
        this.coord = (x9.getCurve().getFieldSize() + 7) / 8;
        this.priv = new ECPrivateKeyParameters(d, new ECDomainParameters(x9));
        ECPoint q = x9.getG().multiply(d).normalize();
        this.publicKey = org.bouncycastle.util.Arrays.concatenate(
                BigIntegers.asUnsignedByteArray(coord, q.getAffineXCoord().toBigInteger()),
                BigIntegers.asUnsignedByteArray(coord, q.getAffineYCoord().toBigInteger()));
    }

    static int coordinateSize(AuthType type) {
        return (PublicKeyCodec.curve(type).getCurve().getFieldSize() + 7) / 8;
    }

    /** The raw private key file keygen writes: Qx || Qy || d. */
    byte[] keyFile() {
        return org.bouncycastle.util.Arrays.concatenate(publicKey, BigIntegers.asUnsignedByteArray(coord, priv.getD()));
    }

    @Override
    public AuthType authType() {
        return type;
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public int signatureSize() {
        return 2 * coord;
    }

    @Override
    public byte[] sign(byte[] digest) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, priv);
        BigInteger[] rs = signer.generateSignature(digest);
        return org.bouncycastle.util.Arrays.concatenate(
                BigIntegers.asUnsignedByteArray(coord, rs[0]), BigIntegers.asUnsignedByteArray(coord, rs[1]));
    }

    @Override
    public String describe() {
        return type.wolfBootName() + " (ECDSA, r||s " + 2 * coord + " bytes)";
    }

    @Override
    public String toString() {
        return "EccSigningKey[" + type + "]";
    }

    static boolean matches(byte[] a, byte[] b) {
        return Arrays.equals(a, b);
    }
}
