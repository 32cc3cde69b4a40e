package io.bootrig.wolfboot.crypto;

import io.bootrig.wolfboot.FormatException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;

/**
 * Reads the private key files wolfBoot's keygen writes, recognising the algorithm from the content:
 * ECC raw Qx||Qy||d (96/144/198 bytes) or SEC1 DER ({@code --der}), Ed25519 seed||pub (64),
 * Ed448 seed||pub (114), RSA PKCS#1 DER, LMS HSS private||public (124).
 */
public final class PrivateKeyFiles {
    private PrivateKeyFiles() {}

    /**
     * @param expected the algorithm the caller requires, or empty to take what the file holds
     * @param rsaDigestInfo sign RSA as {@code --rsaXXXXenc} (DigestInfo) instead of the raw digest
     */
    public static SigningKey load(Path path, Optional<AuthType> expected, boolean rsaDigestInfo)
            throws IOException, FormatException {
        String src = path.toString();
        byte[] b = Files.readAllBytes(path);
        SigningKey key = decode(src, path, b, rsaDigestInfo);
        if (expected.isPresent() && expected.get() != key.authType()) {
            throw new FormatException(src, "key", "holds a " + key.authType().wolfBootName() + " key, expected "
                    + expected.get().wolfBootName());
        }
        return key;
    }

    private static SigningKey decode(String src, Path path, byte[] b, boolean rsaDigestInfo)
            throws IOException, FormatException {
        boolean looksDer = b.length > 0 && (b[0] & 0xFF) == 0x30;
        try {
            switch (b.length) {
                case 64:
                    return ed(src, AuthType.ED25519, b, 32);
                case 114:
                    return ed(src, AuthType.ED448, b, 57);
                case 96:
                    return eccRaw(src, AuthType.ECC256, b);
                case 144:
                    return eccRaw(src, AuthType.ECC384, b);
                case 198:
                    return eccRaw(src, AuthType.ECC521, b);
                case LmsPrivateKey.FILE_SIZE:
                    LmsPrivateKey lms = LmsPrivateKey.parse(src, b);
                    if (!lms.publicKeyMatches()) {
                        throw new FormatException(src, "key.public", "the LMS public key does not belong to the private seed");
                    }
                    return LmsSigningKey.open(path);
                default:
                    if (looksDer) {
                        return der(src, b, rsaDigestInfo);
                    }
                    throw new FormatException(src, "key", "not a wolfBoot private key file (" + b.length
                            + " bytes; expected ECC 96/144/198, Ed25519 64, Ed448 114, LMS 124 bytes or RSA/ECC DER)");
            }
        } catch (FormatException rawError) {
            // a raw key of a known size may start with 0x30 by chance, and a DER key may have such a size
            if (!looksDer || b.length == LmsPrivateKey.FILE_SIZE) {
                throw rawError;
            }
            try {
                return der(src, b, rsaDigestInfo);
            } catch (FormatException derError) {
                throw rawError;
            }
        }
    }

    private static SigningKey ed(String src, AuthType type, byte[] b, int half) throws FormatException {
        EdSigningKey key = new EdSigningKey(type, Arrays.copyOf(b, half));
        if (!Arrays.equals(key.publicKey(), Arrays.copyOfRange(b, half, 2 * half))) {
            throw new FormatException(src, "key.public", type.wolfBootName()
                    + " key file's public half does not belong to its private seed");
        }
        return key;
    }

    private static SigningKey eccRaw(String src, AuthType type, byte[] b) throws FormatException {
        int c = b.length / 3;
        BigInteger d = new BigInteger(1, Arrays.copyOfRange(b, 2 * c, 3 * c));
        checkScalar(src, type, d);
        EccSigningKey key = new EccSigningKey(type, d);
        if (!Arrays.equals(key.publicKey(), Arrays.copyOf(b, 2 * c))) {
            throw new FormatException(src, "key.public", type.wolfBootName()
                    + " key file's Qx||Qy is not d·G of its private scalar");
        }
        return key;
    }

    private static void checkScalar(String src, AuthType type, BigInteger d) throws FormatException {
        BigInteger n = PublicKeyCodec.curve(type).getN();
        if (d.signum() <= 0 || d.compareTo(n) >= 0) {
            throw new FormatException(src, "key.d", "private scalar is outside 1..n-1 of " + type.wolfBootName());
        }
    }

    private static SigningKey der(String src, byte[] b, boolean rsaDigestInfo) throws FormatException {
        ASN1Sequence seq;
        try {
            seq = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(b));
        } catch (IOException | RuntimeException e) {
            throw new FormatException(src, "key", "not valid DER (expected a PKCS#1 RSA or SEC1 ECC private key)");
        }
        if (seq.size() == 9) {
            RSAPrivateKey rsa;
            try {
                rsa = RSAPrivateKey.getInstance(seq);
            } catch (RuntimeException e) {
                throw new FormatException(src, "key", "not a PKCS#1 RSAPrivateKey");
            }
            int bits = rsa.getModulus().bitLength();
            AuthType type = switch (bits) {
                case 2048 -> AuthType.RSA2048;
                case 3072 -> AuthType.RSA3072;
                case 4096 -> AuthType.RSA4096;
                default -> throw new FormatException(src, "key.modulus", "RSA modulus of " + bits
                        + " bits; wolfBoot takes 2048, 3072 or 4096");
            };
            try {
                return new RsaSigningKey(type, rsa, rsaDigestInfo);
            } catch (IllegalArgumentException e) {
                throw new FormatException(src, "key", "invalid RSA private key (" + e.getMessage() + ")");
            }
        }
        ECPrivateKey ec;
        try {
            ec = ECPrivateKey.getInstance(seq);
        } catch (RuntimeException e) {
            throw new FormatException(src, "key", "DER is neither a PKCS#1 RSA nor a SEC1 ECC private key");
        }
        if (ec.getParametersObject() == null) {
            throw new FormatException(src, "key.parameters", "SEC1 ECC key names no curve");
        }
        Object curve = ec.getParametersObject();
        AuthType type;
        if (X9ObjectIdentifiers.prime256v1.equals(curve)) {
            type = AuthType.ECC256;
        } else if (SECObjectIdentifiers.secp384r1.equals(curve)) {
            type = AuthType.ECC384;
        } else if (SECObjectIdentifiers.secp521r1.equals(curve)) {
            type = AuthType.ECC521;
        } else {
            throw new FormatException(src, "key.parameters", "curve " + curve + " is not P-256, P-384 or P-521");
        }
        checkScalar(src, type, ec.getKey());
        return new EccSigningKey(type, ec.getKey());
    }
}
