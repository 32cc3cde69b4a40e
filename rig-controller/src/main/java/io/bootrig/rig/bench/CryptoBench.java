package io.bootrig.rig.bench;

import io.bootrig.wolfboot.crypto.AuthType;
import io.bootrig.wolfboot.crypto.KeyGenerator;
import io.bootrig.wolfboot.crypto.LmsParameters;
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

/** Image signatures and verifications per second, ECC256 and LMS L2-H5-W8, on a 100 KB payload. */
public final class CryptoBench {
    private CryptoBench() {}

    public static void run(BenchTable table, Path dir) throws Exception {
        byte[] payload = new byte[100 * 1024];
        new SecureRandom().nextBytes(payload);
        bench(table, dir, "ECC256", AuthType.ECC256, null, payload, 256, 30);
        bench(table, dir, "LMS L2-H5-W8", AuthType.LMS, new LmsParameters(2, 5, 8), payload, 8192, 20);
    }

    private static void bench(BenchTable table, Path dir, String name, AuthType type, LmsParameters lms, byte[] payload,
            int header, int n) throws Exception {
        KeyGenerator.GeneratedKey generated = KeyGenerator.generate(type, lms, new SecureRandom());
        Path file = Files.write(dir.resolve(name.replace(' ', '_') + ".der"), generated.privateKeyFile());
        SigningKey key = PrivateKeyFiles.load(file, Optional.of(type), false);
        Keystore ks = new Keystore(List.of(new KeystoreSlot(0, type.code(), 0xFFFFFFFFL, key.publicKey().length,
                key.publicKey(), null)), "bench");
        SignRequest request = SignRequest.of(1, OptionalLong.empty()).withHeaderSize(header);
        byte[] image = null;
        for (int i = 0; i < 3; i++) { // warm-up
            image = ImageSigner.sign(payload, key, request);
            verify(image, ks);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            image = ImageSigner.sign(payload, key, request);
        }
        double sign = n / ((System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            verify(image, ks);
        }
        double verify = n / ((System.nanoTime() - t0) / 1e9);
        String limit = type == AuthType.LMS ? "LMS signing walks the hash chains of a one-time key and stores the advanced "
                + "key state (fsync) before each signature" : "P-256 in Bouncy Castle's lightweight API";
        table.add("crypto", name + " image signatures (100 KB, SHA-256)", String.format("%.1f /s", sign), "", "",
                limit);
        table.add("crypto", name + " image verifications", String.format("%.1f /s", verify), "", "",
                "hashing the image and checking the signature, one core");
        Files.deleteIfExists(file);
    }

    private static void verify(byte[] image, Keystore ks) throws Exception {
        if (!ImageVerifier.verify(SignedImage.parse("bench", image, OptionalInt.empty()), ks, OptionalInt.empty(),
                Optional.empty()).accepted()) {
            throw new IllegalStateException("an image signed by the benchmark did not verify");
        }
    }
}
