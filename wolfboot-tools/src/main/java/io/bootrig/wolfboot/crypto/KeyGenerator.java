package io.bootrig.wolfboot.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.util.BigIntegers;

/** Makes new keys in the private key file formats wolfBoot's keygen writes. */
public final class KeyGenerator {
    private KeyGenerator() {}

    /**
     * A new private key file and its raw keystore public key.
     *
     * @param privateKeyFile the bytes keygen would write for {@code -g FILE}; secret
     */
    public record GeneratedKey(AuthType type, byte[] privateKeyFile, byte[] publicKey) {
        @Override
        public String toString() {
            return "GeneratedKey[" + type + "]";
        }
    }

    public static GeneratedKey generate(AuthType type, LmsParameters lms, SecureRandom random) {
        return switch (type) {
            case ECC256, ECC384, ECC521 -> {
                BigInteger n = PublicKeyCodec.curve(type).getN();
                BigInteger d = BigIntegers.createRandomInRange(BigInteger.ONE, n.subtract(BigInteger.ONE), random);
                EccSigningKey k = new EccSigningKey(type, d);
                yield new GeneratedKey(type, k.keyFile(), k.publicKey());
            }
            case ED25519, ED448 -> {
                byte[] seed = new byte[type == AuthType.ED25519 ? 32 : 57];
                random.nextBytes(seed);
                EdSigningKey k = new EdSigningKey(type, seed);
                yield new GeneratedKey(type, k.keyFile(), k.publicKey());
            }
            case RSA2048, RSA3072, RSA4096 -> {
                RSAKeyPairGenerator g = new RSAKeyPairGenerator();
                g.init(new RSAKeyGenerationParameters(BigInteger.valueOf(65537), random, PublicKeyCodec.rsaBits(type), 112));
                AsymmetricCipherKeyPair kp = g.generateKeyPair();
                RSAPrivateCrtKeyParameters p = (RSAPrivateCrtKeyParameters) kp.getPrivate();
                RSAPrivateKey der = new RSAPrivateKey(p.getModulus(), p.getPublicExponent(), p.getExponent(), p.getP(),
                        p.getQ(), p.getDP(), p.getDQ(), p.getQInv());
                RsaSigningKey k = new RsaSigningKey(type, der, false);
                try {
                    yield new GeneratedKey(type, der.getEncoded("DER"), k.publicKey());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            case LMS -> {
                if (lms == null) {
                    throw new IllegalArgumentException("LMS keys need LMS parameters (levels, height, winternitz)");
                }
                LmsPrivateKey k = LmsPrivateKey.generate(lms, random);
                yield new GeneratedKey(type, k.encode(), k.publicKey());
            }
            default -> throw new IllegalArgumentException(type.wolfBootName() + " key generation is not supported");
        };
    }
}
