package io.bootrig.wolfboot;

import io.bootrig.wolfboot.crypto.LmsParameters;
import io.bootrig.wolfboot.crypto.LmsPrivateKey;
import io.bootrig.wolfboot.crypto.PrivateKeyFiles;
import io.bootrig.wolfboot.crypto.SigningKey;
import io.bootrig.wolfboot.image.ImageSigner;
import io.bootrig.wolfboot.image.ImageVerifier;
import io.bootrig.wolfboot.image.SignRequest;
import io.bootrig.wolfboot.image.SignedImage;
import io.bootrig.wolfboot.keystore.Keystore;
import io.bootrig.wolfboot.keystore.KeystoreSlot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Prints the time to sign and to verify one image per algorithm; run with {@code mvn -B verify -Pbench}. */
class SignVerifyBenchmark {
    @org.junit.jupiter.api.Test
    void signAndVerify() throws Exception {
        byte[] payload = new byte[100 * 1024];
        new SecureRandom().nextBytes(payload);
        Path dir = Files.createTempDirectory("bench");
        System.out.printf("payload %d bytes, %d warm-up + %d measured runs each, median ms%n", payload.length, 3, 15);
        System.out.printf("%-22s %10s %10s%n", "key", "sign", "verify");
        bench("ECC256 (P-256)", PrivateKeyFiles.load(copy(dir, "ecc256/ecc256_key0_all.der"), Optional.empty(), false),
                payload, 256);
        Path lms = dir.resolve("lms.der");
        Files.write(lms, LmsPrivateKey.generate(new LmsParameters(2, 5, 8), new SecureRandom()).encode());
        bench("LMS L2-H5-W8", PrivateKeyFiles.load(lms, Optional.empty(), false), payload, 8192);
    }

    private static Path copy(Path dir, String rel) throws Exception {
        Path p = dir.resolve(Path.of(rel).getFileName());
        Files.copy(Fixtures.wolfboot(rel), p);
        return p;
    }

    private static void bench(String name, SigningKey key, byte[] payload, int header) throws Exception {
        Keystore ks = new Keystore(List.of(new KeystoreSlot(0, key.authType().code(), 0xFFFFFFFFL,
                key.publicKey().length, key.publicKey(), null)), "bench");
        long[] sign = new long[15];
        long[] verify = new long[15];
        for (int i = -3; i < 15; i++) {
            long t0 = System.nanoTime();
            byte[] img = ImageSigner.sign(payload, key, SignRequest.of(1, OptionalLong.empty()).withHeaderSize(header));
            long t1 = System.nanoTime();
            boolean ok = ImageVerifier.verify(SignedImage.parse("b", img, OptionalInt.empty()), ks, OptionalInt.empty(),
                    Optional.empty()).accepted();
            long t2 = System.nanoTime();
            if (!ok) {
                throw new IllegalStateException(name + ": image signed here did not verify");
            }
            if (i >= 0) {
                sign[i] = t1 - t0;
                verify[i] = t2 - t1;
            }
        }
        System.out.printf("%-22s %10.1f %10.1f%n", name, median(sign), median(verify));
    }

    private static double median(long[] ns) {
        long[] s = ns.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }

}
