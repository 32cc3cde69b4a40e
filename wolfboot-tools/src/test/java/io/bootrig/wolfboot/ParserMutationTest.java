package io.bootrig.wolfboot;

import static org.assertj.core.api.Assertions.assertThat;

import io.bootrig.wolfboot.crypto.AuthType;
import io.bootrig.wolfboot.crypto.LmsPrivateKey;
import io.bootrig.wolfboot.crypto.PrivateKeyFiles;
import io.bootrig.wolfboot.crypto.PublicKeyCodec;
import io.bootrig.wolfboot.image.ImageVerifier;
import io.bootrig.wolfboot.image.SignedImage;
import io.bootrig.wolfboot.keystore.Keystore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Thousands of corrupted inputs per parser: the declared FormatException is the only exception allowed. */
class ParserMutationTest {
    @TempDir
    Path tmp;

    interface Parser {
        void parse(byte[] input) throws Exception;
    }

    /** Byte flips, runs of 0x00/0xFF, truncations, insertions and deletions, from a fixed seed. */
    public static byte[] mutate(byte[] in, Random r) {
        byte[] b = in.clone();
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits; e++) {
            if (b.length == 0) {
                return new byte[] {(byte) r.nextInt()};
            }
            int pos = r.nextInt(b.length);
            switch (r.nextInt(6)) {
                case 0 -> b[pos] ^= (byte) (1 << r.nextInt(8));
                case 1 -> b[pos] = (byte) r.nextInt();
                case 2 -> Arrays.fill(b, pos, Math.min(b.length, pos + 1 + r.nextInt(16)), r.nextBoolean() ? 0 : (byte) 0xFF);
                case 3 -> b = Arrays.copyOf(b, pos);
                case 4 -> {
                    byte[] n = new byte[b.length + 1 + r.nextInt(8)];
                    System.arraycopy(b, 0, n, 0, pos);
                    System.arraycopy(b, pos, n, n.length - (b.length - pos), b.length - pos);
                    b = n;
                }
                default -> {
                    int len = Math.min(b.length - pos, 1 + r.nextInt(8));
                    byte[] n = new byte[b.length - len];
                    System.arraycopy(b, 0, n, 0, pos);
                    System.arraycopy(b, pos + len, n, pos, b.length - pos - len);
                    b = n;
                }
            }
        }
        return b;
    }

    public static int run(byte[] seed, int rounds, long randomSeed, Parser parser) {
        Random r = new Random(randomSeed);
        int rejected = 0;
        for (int i = 0; i < rounds; i++) {
            byte[] m = mutate(seed, r);
            try {
                parser.parse(m);
            } catch (FormatException expected) {
                rejected++;
            } catch (Throwable t) {
                throw new AssertionError("round " + i + " (seed " + randomSeed + "): " + t, t);
            }
        }
        return rejected;
    }

    @Test
    void signedImagesAndTheirVerification() throws Exception {
        for (String alg : VectorKeys.ALGORITHMS) {
            Keystore ks = VectorKeys.keystoreFromPrivateKeys(alg, tmp.resolve(alg));
            byte[] img = Fixtures.wolfbootBytes(alg + "/key0_v1_signed.bin");
            int rejected = run(img, alg.equals("lms") ? 600 : 1500, alg.hashCode(), b -> {
                SignedImage parsed = SignedImage.parse("m", b, OptionalInt.empty());
                ImageVerifier.verify(parsed, ks, OptionalInt.empty(), Optional.empty());
            });
            assertThat(rejected).isPositive();
        }
    }

    @Test
    void rawPublicKeys() {
        for (String alg : VectorKeys.ALGORITHMS) {
            AuthType type = AuthType.byName(alg).orElseThrow();
            byte[] der = Fixtures.wolfbootBytes(alg + "/keystore.der");
            byte[] pub = Arrays.copyOfRange(der, 16, 16 + (type.isRsa() ? 294 : type.keystorePubkeySize()));
            run(pub, 1000, type.code(), b -> PublicKeyCodec.decode(type, b, "m").verify(new byte[32], new byte[64]));
        }
    }

    @Test
    void lmsPrivateKeys() {
        byte[] key = Fixtures.wolfbootBytes("lms/lms_key0_all.der");
        run(key, 2000, 7, b -> LmsPrivateKey.parse("m", b));
    }

    @Test
    void privateKeyFiles() throws Exception {
        Path f = tmp.resolve("k.der");
        for (String alg : new String[] {"ecc256", "ed25519", "rsa2048"}) {
            byte[] key = Fixtures.wolfbootBytes(alg + "/" + alg + "_key0_all.der");
            run(key, 700, alg.hashCode(), b -> {
                Files.write(f, b);
                PrivateKeyFiles.load(f, Optional.empty(), false);
            });
        }
    }
}
