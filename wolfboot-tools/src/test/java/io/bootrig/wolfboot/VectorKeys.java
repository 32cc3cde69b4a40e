package io.bootrig.wolfboot;

import io.bootrig.wolfboot.crypto.PrivateKeyFiles;
import io.bootrig.wolfboot.crypto.SigningKey;
import io.bootrig.wolfboot.keystore.Keystore;
import io.bootrig.wolfboot.keystore.KeystoreSlot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The vectors' private keys, loaded from copies (LMS keys are stateful and must not be advanced in place). */
public final class VectorKeys {
    private VectorKeys() {}

    public static final List<String> ALGORITHMS = List.of("ecc256", "ed25519", "rsa2048", "lms");

    public static Path copyKey(String alg, String keyName, Path dir) throws Exception {
        Files.createDirectories(dir);
        Path target = dir.resolve(alg + "_" + keyName + ".der");
        Files.copy(Fixtures.wolfboot(alg + "/" + alg + "_" + keyName + ".der"), target);
        target.toFile().setWritable(true);
        return target;
    }

    public static SigningKey load(String alg, String keyName, Path dir) throws Exception {
        return PrivateKeyFiles.load(copyKey(alg, keyName, dir), Optional.empty(), false);
    }

    /** The keystore keygen made for the two vector keys, rebuilt from the private key files. */
    public static Keystore keystoreFromPrivateKeys(String alg, Path dir) throws Exception {
        SigningKey k0 = load(alg, "key0_all", dir);
        SigningKey k1 = load(alg, "key1_id123", dir);
        return new Keystore(List.of(
                new KeystoreSlot(0, k0.authType().code(), 0xFFFFFFFFL, k0.publicKey().length, k0.publicKey(), null),
                new KeystoreSlot(1, k1.authType().code(), 0x0EL, k1.publicKey().length, k1.publicKey(), null)),
                alg + " private keys");
    }
}
