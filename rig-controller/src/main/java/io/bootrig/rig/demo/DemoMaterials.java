package io.bootrig.rig.demo;

import io.bootrig.board.firmware.FirmwareFiles;
import io.bootrig.board.firmware.FirmwareSet;
import io.bootrig.board.firmware.TestAppBehaviour;
import io.bootrig.wolfboot.AtomicFiles;
import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.config.PartitionLayout;
import io.bootrig.wolfboot.config.WolfBootConfig;
import io.bootrig.wolfboot.crypto.KeyExhaustedException;
import io.bootrig.wolfboot.keystore.Keystore;
import io.bootrig.wolfboot.otp.OtpImage;
import io.bootrig.wolfboot.otp.OtpLayout;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a developer has after following wolfBoot's docs/flash-OTP.md for one config, made for the
 * virtual board: fresh keys and their keystore (keygen), the expected OTP content (otp-keystore-gen),
 * the primer, wolfBoot and the test application (make), and the application signed as versions 1
 * and 2 with key 0 (sign). Private keys are only in {@code keys/}, owner-only, and never printed.
 *
 * @param workDir       where everything is
 * @param signingKey    keys/…_key0_all.der: slot 0, every partition; signs the images
 * @param restrictedKey keys/…_key1_id123.der: slot 1, partition ids 1 to 3
 * @param keystoreC     keystore.c
 * @param keystoreDer   keystore.der
 * @param otp           otp.bin, the OTP content the primer should leave; its UDS is random, as
 *                      otp-keystore-gen draws it, and the primer draws its own, so comparisons skip it
 * @param otpPrimer     otp-primer.bin, flashed at the start of flash
 * @param wolfBoot      wolfboot.bin
 * @param testApp       test-app.bin, the unsigned payload of every image
 * @param imageV1       image_v1_signed.bin, for the BOOT partition
 * @param imageV2       image_v2_signed.bin, an update
 * @param keystore      the public keys (slot 0 and slot 1)
 * @param layout        the config's layout
 * @param timestamp     the TIMESTAMP TLV of every image signed here: test-app.bin's modification time
 *                      in seconds, as sign takes its input's change time (the same: the file is
 *                      written once)
 */
public record DemoMaterials(Path workDir, Path signingKey, Path restrictedKey, Path keystoreC, Path keystoreDer,
        Path otp, Path otpPrimer, Path wolfBoot, Path testApp, Path imageV1, Path imageV2, Keystore keystore,
        PartitionLayout layout, long timestamp) {

    public static DemoMaterials create(Path workDir, WolfBootConfig config) throws IOException, FormatException {
        return create(workDir, config, ProgressSink.NONE);
    }

    /**
     * Makes everything in {@code workDir}, which must be missing or empty so that no key is overwritten.
     *
     * @throws FormatException when the config's layout is invalid or does not keep its keys in OTP
     *     (FLASH_OTP_KEYSTORE=1), or its SIGN has no key generator
     */
    public static DemoMaterials create(Path workDir, WolfBootConfig config, ProgressSink progress)
            throws IOException, FormatException {
        PartitionLayout layout = config.layout();
        if (!layout.otpKeystore()) {
            throw new FormatException(config.source(), "FLASH_OTP_KEYSTORE",
                    "must be 1: the demo provisions the keystore into OTP (docs/flash-OTP.md)");
        }
        requireEmpty(workDir);
        Files.createDirectories(workDir);
        SecureRandom random = new SecureRandom();
        DemoKeys keys = DemoKeys.generate(workDir, layout, random, progress);

        Path otp = workDir.resolve("otp.bin");
        progress.step("otp-keystore-gen: otp.bin");
        // owner-only like otp-keystore-gen's: the UDS is a device secret
        AtomicFiles.write(otp, OtpImage.build(keys.keystore(), OtpLayout.DEFAULT_VERSION, random), true);

        progress.step("make: otp-primer.bin, wolfboot.bin, test-app.bin");
        FirmwareFiles firmware = FirmwareSet.build(keys.keystore(), config, TestAppBehaviour.NORMAL).writeInto(workDir);
        long timestamp = Files.getLastModifiedTime(firmware.testApp()).to(TimeUnit.SECONDS);

        DemoMaterials materials = new DemoMaterials(workDir, keys.key0(), keys.key1(), keys.keystoreC(),
                keys.keystoreDer(), otp, firmware.otpPrimer(), firmware.wolfBoot(), firmware.testApp(),
                workDir.resolve("image_v1_signed.bin"), workDir.resolve("image_v2_signed.bin"), keys.keystore(), layout,
                timestamp);
        try {
            progress.step("sign: image_v1_signed.bin");
            materials.signVersion(1, materials.imageV1());
            progress.step("sign: image_v2_signed.bin");
            materials.signVersion(2, materials.imageV2());
        } catch (KeyExhaustedException e) {
            throw new IllegalStateException(keys.key0() + ": a fresh key is exhausted after one signature", e);
        }
        return materials;
    }

    /**
     * Signs the test application as {@code version} with key 0 into {@code out}. Each signature
     * advances the key's state in its file.
     *
     * @throws KeyExhaustedException when key 0 has no signature left
     */
    public Path signVersion(int version, Path out) throws IOException, FormatException, KeyExhaustedException {
        return new TestAppSigner(testApp, signingKey, layout, timestamp).sign(version, out);
    }

    private static void requireEmpty(Path workDir) throws IOException {
        if (!Files.exists(workDir)) {
            return;
        }
        if (!Files.isDirectory(workDir)) {
            throw new FileAlreadyExistsException(workDir.toString(), null, "not a directory; expected a new or empty one");
        }
        try (Stream<Path> entries = Files.list(workDir)) {
            Optional<Path> first = entries.findFirst();
            if (first.isPresent()) {
                throw new FileAlreadyExistsException(workDir.toString(), null, "holds " + first.get().getFileName()
                        + "; demo materials go into a new or empty directory so that no key is overwritten");
            }
        }
    }
}
