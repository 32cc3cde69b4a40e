package io.bootrig.wolfboot.crypto;

import java.io.IOException;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.encodings.PKCS1Encoding;
import org.bouncycastle.crypto.engines.RSAEngine;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/**
 * PKCS#1 v1.5 type-1 signature around the raw image digest (wolfBoot's {@code --rsa2048}), or
 * around a DER DigestInfo with {@code digestInfo} ({@code --rsa2048enc}). Deterministic.
 */
final class RsaSigningKey implements SigningKey {
    private final AuthType type;
    private final RSAPrivateCrtKeyParameters priv;
    private final byte[] publicKey;
    private final boolean digestInfo;

    RsaSigningKey(AuthType type, RSAPrivateKey der, boolean digestInfo) {
        this.type = type;
        this.priv = new RSAPrivateCrtKeyParameters(der.getModulus(), der.getPublicExponent(), der.getPrivateExponent(),
                der.getPrime1(), der.getPrime2(), der.getExponent1(), der.getExponent2(), der.getCoefficient());
        this.digestInfo = digestInfo;
        try {
            this.publicKey = SubjectPublicKeyInfoFactory
                    .createSubjectPublicKeyInfo(new RSAKeyParameters(false, der.getModulus(), der.getPublicExponent()))
                    .getEncoded("DER");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    RsaSigningKey withDigestInfo(boolean on) {
        return on == digestInfo ? this : new RsaSigningKey(type, toDer(), on);
    }

    RSAPrivateKey toDer() {
        return new RSAPrivateKey(priv.getModulus(), priv.getPublicExponent(), priv.getExponent(), priv.getP(),
                priv.getQ(), priv.getDP(), priv.getDQ(), priv.getQInv());
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
        return type.signatureSize();
    }

    @Override
    public byte[] sign(byte[] digest) {
        byte[] block = digestInfo ? PublicKeyCodec.digestInfo(digest) : digest;
        PKCS1Encoding enc = new PKCS1Encoding(new RSAEngine());
        enc.init(true, priv);
        try {
            return enc.processBlock(block, 0, block.length);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("RSA signing failed", e);
        }
    }

    @Override
    public String describe() {
        return type.wolfBootName() + " (PKCS#1 v1.5, " + (digestInfo ? "DigestInfo" : "raw digest") + ")";
    }

    @Override
    public String toString() {
        return "RsaSigningKey[" + type + "]";
    }
}
