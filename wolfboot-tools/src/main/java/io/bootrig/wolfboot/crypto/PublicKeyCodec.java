package io.bootrig.wolfboot.crypto;

import io.bootrig.wolfboot.FormatException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.encodings.PKCS1Encoding;
import org.bouncycastle.crypto.engines.RSAEngine;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.Ed448PublicKeyParameters;
import org.bouncycastle.crypto.params.HSSPublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.Ed448Signer;
import org.bouncycastle.crypto.signers.HSSSigner;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.Arrays;

/**
 * Decodes the raw public key bytes wolfBoot keeps in a keystore slot (keygen's encodings) into a
 * {@link VerifyingKey}, checking that the key is valid: an ECC point on its curve, an RSA modulus of
 * the algorithm's size, a known LMS parameter set.
 */
public final class PublicKeyCodec {
    private PublicKeyCodec() {}

    public static VerifyingKey decode(AuthType type, byte[] raw, String source) throws FormatException {
        return switch (type) {
            case ECC256 -> ecc(type, "P-256", 32, raw, source);
            case ECC384 -> ecc(type, "P-384", 48, raw, source);
            case ECC521 -> ecc(type, "P-521", 66, raw, source);
            case ED25519 -> ed25519(raw, source);
            case ED448 -> ed448(raw, source);
            case RSA2048, RSA3072, RSA4096 -> rsa(type, raw, source);
            case LMS -> lms(raw, source);
            default -> throw new FormatException(source, "key_type",
                    type.wolfBootName() + " keys are recognised but not supported by bootrig");
        };
    }

    /** The curve name BC knows for an ECC auth type. */
    static X9ECParameters curve(AuthType type) {
        return CustomNamedCurves.getByName(switch (type) {
            case ECC256 -> "P-256";
            case ECC384 -> "P-384";
            case ECC521 -> "P-521";
            default -> throw new IllegalArgumentException(type + " is not an ECC type");
        });
    }

    private static VerifyingKey ecc(AuthType type, String curveName, int coord, byte[] raw, String source)
            throws FormatException {
        if (raw.length != 2 * coord) {
            throw new FormatException(source, "pubkey", type.wolfBootName() + " key must be X||Y of "
                    + 2 * coord + " bytes, got " + raw.length);
        }
        X9ECParameters x9 = CustomNamedCurves.getByName(curveName);
        ECPoint point;
        try {
            point = x9.getCurve().decodePoint(Arrays.concatenate(new byte[] {0x04}, raw));
        } catch (IllegalArgumentException e) {
            throw new FormatException(source, "pubkey", "X||Y is not a point on " + curveName);
        }
        if (!point.isValid() || point.isInfinity()) {
            throw new FormatException(source, "pubkey", "X||Y is not a point on " + curveName);
        }
        ECPublicKeyParameters pub = new ECPublicKeyParameters(point, new ECDomainParameters(x9));
        return new VerifyingKey() {
            public AuthType authType() {
                return type;
            }

            public int signatureSize() {
                return 2 * coord;
            }

            public boolean verify(byte[] digest, byte[] sig) {
                if (sig.length != 2 * coord) {
                    return false;
                }
                ECDSASigner s = new ECDSASigner();
                s.init(false, pub);
                BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(sig, 0, coord));
                BigInteger ss = new BigInteger(1, java.util.Arrays.copyOfRange(sig, coord, 2 * coord));
                return s.verifySignature(digest, r, ss);
            }

            public String describe() {
                return "ECDSA " + curveName + ", signature r||s over the image digest";
            }
        };
    }

    private static VerifyingKey ed25519(byte[] raw, String source) throws FormatException {
        if (raw.length != 32) {
            throw new FormatException(source, "pubkey", "ED25519 key must be 32 bytes, got " + raw.length);
        }
        Ed25519PublicKeyParameters pub;
        try {
            pub = new Ed25519PublicKeyParameters(raw, 0);
        } catch (IllegalArgumentException e) {
            throw new FormatException(source, "pubkey", "not a valid Ed25519 point");
        }
        return new SimpleKey(AuthType.ED25519, 64, "Ed25519, message = the image digest") {
            public boolean verify(byte[] digest, byte[] sig) {
                if (sig.length != 64) {
                    return false;
                }
                Ed25519Signer s = new Ed25519Signer();
                s.init(false, pub);
                s.update(digest, 0, digest.length);
                return s.verifySignature(sig);
            }
        };
    }

    private static VerifyingKey ed448(byte[] raw, String source) throws FormatException {
        if (raw.length != 57) {
            throw new FormatException(source, "pubkey", "ED448 key must be 57 bytes, got " + raw.length);
        }
        Ed448PublicKeyParameters pub;
        try {
            pub = new Ed448PublicKeyParameters(raw, 0);
        } catch (IllegalArgumentException e) {
            throw new FormatException(source, "pubkey", "not a valid Ed448 point");
        }
        return new SimpleKey(AuthType.ED448, 114, "Ed448, message = the image digest") {
            public boolean verify(byte[] digest, byte[] sig) {
                if (sig.length != 114) {
                    return false;
                }
                Ed448Signer s = new Ed448Signer(new byte[0]);
                s.init(false, pub);
                s.update(digest, 0, digest.length);
                return s.verifySignature(sig);
            }
        };
    }

    /** Modulus bits each RSA auth type requires. */
    public static int rsaBits(AuthType type) {
        return switch (type) {
            case RSA2048, RSAPSS2048 -> 2048;
            case RSA3072, RSAPSS3072 -> 3072;
            case RSA4096, RSAPSS4096 -> 4096;
            default -> throw new IllegalArgumentException(type + " is not RSA");
        };
    }

    private static VerifyingKey rsa(AuthType type, byte[] raw, String source) throws FormatException {
        RSAKeyParameters pub;
        try {
            if (!(PublicKeyFactory.createKey(SubjectPublicKeyInfo.getInstance(raw)) instanceof RSAKeyParameters k)) {
                throw new FormatException(source, "pubkey", "DER SubjectPublicKeyInfo does not hold an RSA key");
            }
            pub = k;
        } catch (IOException | RuntimeException e) {
            throw new FormatException(source, "pubkey", type.wolfBootName()
                    + " key must be a DER SubjectPublicKeyInfo (" + e.getClass().getSimpleName() + ")");
        }
        int bits = rsaBits(type);
        if (pub.getModulus().bitLength() != bits) {
            throw new FormatException(source, "pubkey", type.wolfBootName() + " key must have a " + bits
                    + "-bit modulus, got " + pub.getModulus().bitLength());
        }
        int sigLen = bits / 8;
        RSAKeyParameters key = pub;
        return new SimpleKey(type, sigLen, "RSA-" + bits + " PKCS#1 v1.5 (raw digest or DigestInfo)") {
            public boolean verify(byte[] digest, byte[] sig) {
                if (sig.length != sigLen) {
                    return false;
                }
                byte[] recovered;
                try {
                    PKCS1Encoding enc = new PKCS1Encoding(new RSAEngine());
                    enc.init(false, key);
                    recovered = enc.processBlock(sig, 0, sig.length);
                } catch (org.bouncycastle.crypto.InvalidCipherTextException | RuntimeException e) {
                    return false;
                }
                if (recovered.length == digest.length) {
                    return java.security.MessageDigest.isEqual(recovered, digest);
                }
                return java.security.MessageDigest.isEqual(recovered, digestInfo(digest));
            }
        };
    }

    /** DER DigestInfo around a digest, chosen by its length (wolfBoot's --rsaXXXXenc form). */
    public static byte[] digestInfo(byte[] digest) {
        ASN1ObjectIdentifier oid = digest.length == 48 ? NISTObjectIdentifiers.id_sha384 : NISTObjectIdentifiers.id_sha256;
        try {
            return new DigestInfo(new AlgorithmIdentifier(oid, DERNull.INSTANCE), digest).getEncoded("DER");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static VerifyingKey lms(byte[] raw, String source) throws FormatException {
        if (raw.length != 60) {
            throw new FormatException(source, "pubkey", "LMS key must be a 60-byte HSS public key, got "
                    + raw.length + " bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(raw);
        int levels = b.getInt();
        int lmsType = b.getInt();
        int otsType = b.getInt();
        LmsParameters params = LmsParameters.fromTypes(levels, lmsType, otsType).orElseThrow(() ->
                new FormatException(source, "pubkey", "unknown LMS parameter set: levels " + levels
                        + ", LMS type " + lmsType + ", LM-OTS type " + otsType
                        + " (expected SHA-256/32 types 5..9 and 1..4)"));
        HSSPublicKeyParameters pub;
        try {
            pub = HSSPublicKeyParameters.getInstance(raw);
        } catch (IOException | RuntimeException e) {
            throw new FormatException(source, "pubkey", "not a valid HSS public key");
        }
        return new SimpleKey(AuthType.LMS, params.signatureSize(), "HSS/LMS " + params.label()) {
            public boolean verify(byte[] digest, byte[] sig) {
                if (sig.length != params.signatureSize()) {
                    return false;
                }
                try {
                    HSSSigner s = new HSSSigner();
                    s.init(false, pub);
                    return s.verifySignature(digest, sig);
                } catch (RuntimeException e) {
                    return false;
                }
            }
        };
    }

    /** The LMS parameter set of a 60-byte HSS public key, if it is one bootrig knows. */
    public static java.util.Optional<LmsParameters> lmsParameters(byte[] raw) {
        if (raw.length != 60) {
            return java.util.Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(raw);
        return LmsParameters.fromTypes(b.getInt(), b.getInt(), b.getInt());
    }

    static final AlgorithmIdentifier RSA_ALG = new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE);

    private abstract static class SimpleKey implements VerifyingKey {
        private final AuthType type;
        private final int sigSize;
        private final String description;

        SimpleKey(AuthType type, int sigSize, String description) {
            this.type = type;
            this.sigSize = sigSize;
            this.description = description;
        }

        public AuthType authType() {
            return type;
        }

        public int signatureSize() {
            return sigSize;
        }

        public String describe() {
            return description;
        }
    }
}
