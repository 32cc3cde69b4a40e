package io.bootrig.scenarios;

import io.bootrig.board.firmware.FirmwareFiles;
import io.bootrig.board.firmware.FirmwareSet;
import io.bootrig.board.firmware.TestAppBehaviour;
import io.bootrig.wolfboot.AtomicFiles;
import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.config.PartitionLayout;
import io.bootrig.wolfboot.config.WolfBootConfig;
import io.bootrig.wolfboot.crypto.KeyGenerator;
import io.bootrig.wolfboot.crypto.PrivateKeyFiles;
import io.bootrig.wolfboot.crypto.SigningKey;
import io.bootrig.wolfboot.image.ImageSigner;
import io.bootrig.wolfboot.image.SignRequest;
import io.bootrig.wolfboot.image.SignedImage;
import io.bootrig.wolfboot.keystore.Keystore;
import io.bootrig.wolfboot.keystore.KeystoreFiles;
import io.bootrig.wolfboot.otp.OtpImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What the scenarios flash and send. From a directory (-Drig.materials=DIR or RIG_MATERIALS: keystore.c, keys/,
 * otp-primer.bin, wolfboot.bin, test-app.bin as wolfBoot's make leaves them), or, by default, the committed LMS test
 * keystore with virtual firmware built for the config. Key files are copied to the run's directory first: LMS keys are
 * stateful and the committed files must not change. Images of any version, key and partition id are signed on demand.
 */
public final class ScenarioMaterials {
    /** The fixed TIMESTAMP TLV of the committed fixtures (2026-01-01). */
    private static final long TIMESTAMP = 1_767_225_600L;

    private final Path dir;
    private final WolfBootConfig config;
    private final PartitionLayout layout;
    private final Path keystoreFile;
    private final Keystore keystore;
    private final Path key0;
    private final Path key1;
    private final Path primer;
    private final Path wolfBoot;
    private final Path testApp;
    private Path strangerKey;

    private ScenarioMaterials(Path dir, WolfBootConfig config, Path keystoreFile, Path key0, Path key1, Path primer,
            Path wolfBoot, Path testApp) throws IOException, FormatException {
        this.dir = dir;
        this.config = config;
        this.layout = config.layout();
        this.keystoreFile = keystoreFile;
        this.keystore = KeystoreFiles.load(keystoreFile);
        this.key0 = key0;
        this.key1 = key1;
        this.primer = primer;
        this.wolfBoot = wolfBoot;
        this.testApp = testApp;
    }

    /** The committed LMS test keystore (fixtures/wolfboot/lms) with virtual firmware built for {@code configFile}. */
    public static ScenarioMaterials fixtures(Path root, Path configFile, Path dir) throws IOException, FormatException {
        Path lms = root.resolve("fixtures/wolfboot/lms");
        Path keys = Files.createDirectories(dir.resolve("keys"));
        Path key0 = copy(lms.resolve("lms_key0_all.der"), keys);
        Path key1 = copy(lms.resolve("lms_key1_id123.der"), keys);
        Path keystoreFile = copy(lms.resolve("keystore.c"), dir);
        WolfBootConfig config = WolfBootConfig.parse(configFile.toString(), Files.readString(configFile));
        FirmwareFiles firmware = FirmwareSet.build(KeystoreFiles.load(keystoreFile), config, TestAppBehaviour.NORMAL)
                .writeInto(Files.createDirectories(dir.resolve("firmware")));
        return new ScenarioMaterials(dir, config, keystoreFile, key0, key1, firmware.otpPrimer(), firmware.wolfBoot(),
                firmware.testApp());
    }

    /**
     * A keystore and its signing keys in {@code from} (keystore.c, keys/key0.der, keys/key1.der) with the binaries
     * wolfBoot's make built for a real board (otp-primer.bin, wolfboot.bin, test-app.bin); for a virtual board the
     * binaries may be left out and are then built for the keystore. Keys are copied into {@code dir}.
     */
    public static ScenarioMaterials fromDirectory(Path from, Path configFile, Path dir, boolean virtual)
            throws IOException, FormatException {
        Path keys = Files.createDirectories(dir.resolve("keys"));
        Path key0 = copy(require(from.resolve("keys/key0.der")), keys);
        Path key1 = copy(require(from.resolve("keys/key1.der")), keys);
        Path keystoreFile = require(from.resolve("keystore.c"));
        WolfBootConfig config = WolfBootConfig.parse(configFile.toString(), Files.readString(configFile));
        boolean built = Files.exists(from.resolve("otp-primer.bin"));
        if (!built && virtual) {
            FirmwareFiles firmware = FirmwareSet.build(KeystoreFiles.load(keystoreFile), config, TestAppBehaviour.NORMAL)
                    .writeInto(Files.createDirectories(dir.resolve("firmware")));
            return new ScenarioMaterials(dir, config, keystoreFile, key0, key1, firmware.otpPrimer(), firmware.wolfBoot(),
                    firmware.testApp());
        }
        return new ScenarioMaterials(dir, config, keystoreFile, key0, key1, require(from.resolve("otp-primer.bin")),
                require(from.resolve("wolfboot.bin")), require(from.resolve("test-app.bin")));
    }

    public WolfBootConfig config() {
        return config;
    }

    public PartitionLayout layout() {
        return layout;
    }

    public Path keystoreFile() {
        return keystoreFile;
    }

    public Keystore keystore() {
        return keystore;
    }

    /** The OTP image the primer leaves (UDS random, not compared). */
    public byte[] expectedOtp() {
        return OtpImage.build(keystore);
    }

    public Path primer() {
        return primer;
    }

    public Path wolfBoot() {
        return wolfBoot;
    }

    /** The unsigned test application (what the images sign). */
    public Path testApp() {
        return testApp;
    }

    /** The private keys of the keystore's slots (run copies). */
    public List<Path> keyFiles() {
        return List.of(key0, key1);
    }

    /** SHA-256 of the keystore file, for the report's environment. */
    public String keystoreFingerprint() throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(keystoreFile)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The application signed with key 0 (all partitions) for partition 1. */
    public Path signed(long version) throws Exception {
        return sign(key0, version, 1, "v" + version + "_signed.bin");
    }

    /** Signed with key 1 (mask 0x0000000E: partitions 1..3) for {@code partitionId}. */
    public Path signedWithRestrictedKey(long version, int partitionId) throws Exception {
        return sign(key1, version, partitionId, "v" + version + "_key1_id" + partitionId + "_signed.bin");
    }

    /** Signed with a key no keystore holds (made once per run, same algorithm). */
    public Path signedWithUnknownKey(long version) throws Exception {
        if (strangerKey == null) {
            KeyGenerator.GeneratedKey k = KeyGenerator.generate(layout.sign(), layout.lms().orElse(null), new SecureRandom());
            strangerKey = dir.resolve("keys/stranger.der");
            AtomicFiles.write(strangerKey, k.privateKeyFile(), true);
        }
        return sign(strangerKey, version, 1, "v" + version + "_unknown_key_signed.bin");
    }

    /** A valid image with one payload byte inverted after signing: the digest no longer matches. */
    public Path tampered(long version) throws Exception {
        byte[] image = Files.readAllBytes(signed(version));
        image[layout.headerSize() + 16] ^= (byte) 0xFF;
        return write("v" + version + "_tampered_signed.bin", image);
    }

    /** A valid image with one signature byte inverted. */
    public Path badSignature(long version) throws Exception {
        Path good = signed(version);
        byte[] image = Files.readAllBytes(good);
        SignedImage parsed = SignedImage.parse(good.toString(), image, OptionalInt.of(layout.headerSize()));
        byte[] sig = parsed.signature().orElseThrow();
        int at = indexOf(image, sig);
        image[at + sig.length / 2] ^= (byte) 0xFF;
        return write("v" + version + "_bad_signature_signed.bin", image);
    }

    private Path sign(Path key, long version, int partitionId, String name) throws Exception {
        SigningKey k = PrivateKeyFiles.load(key, Optional.of(layout.sign()), false);
        SignRequest request = new SignRequest(version, OptionalLong.of(TIMESTAMP), partitionId, layout.hash(),
                OptionalInt.of(layout.headerSize()), List.of());
        return write(name, ImageSigner.sign(Files.readAllBytes(testApp), k, request));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path out = Files.createDirectories(dir.resolve("images")).resolve(name);
        Files.write(out, bytes);
        return out;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("the signature is not inside the image");
    }

    private static Path copy(Path from, Path toDir) throws IOException {
        return Files.copy(from, toDir.resolve(from.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path require(Path p) {
        if (!Files.isRegularFile(p)) {
            throw new SetupFailure("rig.materials: " + p + " is missing");
        }
        return p;
    }
}
