package io.bootrig.rig.demo;

import io.bootrig.wolfboot.AtomicFiles;
import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.config.PartitionLayout;
import io.bootrig.wolfboot.crypto.AuthType;
import io.bootrig.wolfboot.crypto.KeyGenerator;
import io.bootrig.wolfboot.crypto.LmsParameters;
import io.bootrig.wolfboot.keystore.KeygenKey;
import io.bootrig.wolfboot.keystore.Keystore;
import io.bootrig.wolfboot.keystore.KeystoreC;
import io.bootrig.wolfboot.keystore.KeystoreCFormat;
import io.bootrig.wolfboot.keystore.KeystoreDerFormat;
import io.bootrig.wolfboot.keystore.KeystoreSlot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Two fresh keys of the config's algorithm and their keystore, as a developer makes them with
 * wolfBoot's keygen run in the work directory (docs/flash-OTP.md, for LMS with the config's
 * LMS_LEVELS/HEIGHT/WINTERNITZ): {@code keygen --lms -g keys/lms_key0_all.der --id 1,2,3
 * -g keys/lms_key1_id123.der}. Key 0 may sign every partition, key 1 only ids 1 to 3. The private
 * keys are written to {@code keys/} only, owner-only; keystore.c and keystore.der beside it.
 *
 * @param key0        slot 0, mask 0xFFFFFFFF
 * @param key1        slot 1, mask 0x0000000E
 * @param keystoreC   keystore.c as keygen writes it
 * @param keystoreDer keystore.der as keygen writes it
 * @param keystore    the public keys, as keystore.c holds them
 */
record DemoKeys(Path key0, Path key1, Path keystoreC, Path keystoreDer, Keystore keystore) {
    static final String KEYS = "keys";
    static final long KEY1_MASK = 0x0000_000EL;

    static DemoKeys generate(Path workDir, PartitionLayout layout, SecureRandom random, ProgressSink progress)
            throws IOException, FormatException {
        AuthType type = layout.sign();
        LmsParameters lms = layout.lms().orElse(null);
        String prefix = type.wolfBootName().toLowerCase(Locale.ROOT);
        Path keysDir = workDir.resolve(KEYS);
        Files.createDirectories(keysDir);
        Files.setPosixFilePermissions(keysDir, PosixFilePermissions.fromString("rwx------"));
        String name0 = KEYS + "/" + prefix + "_key0_all.der";
        String name1 = KEYS + "/" + prefix + "_key1_id123.der";
        String what = type.wolfBootName() + (lms == null ? "" : " " + lms.label());
        List<KeygenKey> keys = new ArrayList<>();
        progress.step("keygen: " + what + " key 0 (every partition) into " + name0);
        keys.add(generate(layout, workDir.resolve(name0), KeystoreSlot.KEY_VERIFY_ALL, name0, random));
        progress.step("keygen: " + what + " key 1 (partition ids 1, 2, 3) into " + name1);
        keys.add(generate(layout, workDir.resolve(name1), KEY1_MASK, name1, random));

        KeystoreC content = KeystoreC.of(keys, type, "keystore.c");
        Path keystoreC = workDir.resolve("keystore.c");
        Path keystoreDer = workDir.resolve("keystore.der");
        progress.step("keygen: keystore.c and keystore.der");
        AtomicFiles.write(keystoreC, KeystoreCFormat.emit(content).getBytes(StandardCharsets.UTF_8), false);
        AtomicFiles.write(keystoreDer, KeystoreDerFormat.emit(content.keystore()), false);
        return new DemoKeys(workDir.resolve(name0), workDir.resolve(name1), keystoreC, keystoreDer, content.keystore());
    }

    private static KeygenKey generate(PartitionLayout layout, Path file, long mask, String name, SecureRandom random)
            throws IOException, FormatException {
        KeyGenerator.GeneratedKey key;
        try {
            key = KeyGenerator.generate(layout.sign(), layout.lms().orElse(null), random);
        } catch (IllegalArgumentException e) {
            throw new FormatException(layout.source(), "SIGN", e.getMessage(), e);
        }
        AtomicFiles.write(file, key.privateKeyFile(), true);
        return new KeygenKey(key.type(), mask, key.publicKey(), name);
    }
}
