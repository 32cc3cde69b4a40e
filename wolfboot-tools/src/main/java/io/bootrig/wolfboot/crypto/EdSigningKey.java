package io.bootrig.wolfboot.crypto;

import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed448PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.Ed448Signer;

/** Ed25519 / Ed448 with the image digest as the message (pure EdDSA, no context). */
final class EdSigningKey implements SigningKey {
    private final AuthType type;
    private final byte[] seed;
    private final byte[] publicKey;

    EdSigningKey(AuthType type, byte[] seed) {
        this.type = type;
        this.seed = seed.clone();
        this.publicKey = type == AuthType.ED25519
                ? new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded()
                : new Ed448PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
    }

    /** keygen's file: private seed || public key. */
    byte[] keyFile() {
        return org.bouncycastle.util.Arrays.concatenate(seed, publicKey);
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
        Signer s;
        if (type == AuthType.ED25519) {
            s = new Ed25519Signer();
            s.init(true, new Ed25519PrivateKeyParameters(seed, 0));
        } else {
            s = new Ed448Signer(new byte[0]);
            s.init(true, new Ed448PrivateKeyParameters(seed, 0));
        }
        s.update(digest, 0, digest.length);
        try {
            return s.generateSignature();
        } catch (org.bouncycastle.crypto.CryptoException e) {
            throw new IllegalStateException("EdDSA signing failed", e);
        }
    }

    @Override
    public String describe() {
        return type.wolfBootName() + " (EdDSA over the image digest)";
    }

    @Override
    public String toString() {
        return "EdSigningKey[" + type + "]";
    }
}
