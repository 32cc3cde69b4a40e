package io.bootrig.board.firmware;

import io.bootrig.board.TestFixtures;
import io.bootrig.wolfboot.config.PartitionLayout;
import io.bootrig.wolfboot.config.WolfBootConfig;
import io.bootrig.wolfboot.crypto.AuthType;
import io.bootrig.wolfboot.crypto.KeyGenerator;
import io.bootrig.wolfboot.crypto.LmsSigningKey;
import io.bootrig.wolfboot.image.ImageSigner;
import io.bootrig.wolfboot.image.SignRequest;
import io.bootrig.wolfboot.image.SignedImage;
import io.bootrig.wolfboot.image.Tlv;
import io.bootrig.wolfboot.keystore.Keystore;
import io.bootrig.wolfboot.keystore.KeystoreFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Makes fixtures/virtual-board/ (see its README): the virtual firmware images for the LMS config
 * and the LMS test keystore, and the test application signed with the reference test keys.
 * {@code fixtures/regenerate} runs it; {@code FixturesTest} checks that the committed files are
 * what it makes.
 *
 * <pre>
 * FixtureGenerator [OUTPUT_DIRECTORY]     (default: fixtures/virtual-board of this checkout)
 * </pre>
 *
 * The LMS private keys are copied to a temporary directory, used there and deleted: the board and
 * its fixtures only ever hold public keys. Each run signs from the keys' committed state, so a
 * rerun reproduces the same signatures (the same LMS leaves; acceptable for test keys only).
 */
public final class FixtureGenerator {
    /** A fixed TIMESTAMP TLV (2026-01-01T00:00:00Z) so the images are reproducible. */
    static final long TIMESTAMP = 1_767_225_600L;
    /** The seed of the LMS key that is in no keystore, so that its signature is reproducible too. */
    private static final long UNKNOWN_KEY_SEED = 0x626F_6F74_7269_6700L;

    public static void main(String[] args) throws Exception {
        if (args.length > 1) {
            System.err.println("usage: FixtureGenerator [OUTPUT_DIRECTORY] (default: fixtures/virtual-board)");
            System.exit(2);
        }
        Path out = args.length == 1 ? Path.of(args[0]) : TestFixtures.root().resolve("fixtures/virtual-board");
        for (Path file : generate(out)) {
            byte[] bytes = Files.readAllBytes(file);
            System.out.printf("%-40s %7d bytes  sha256 %s%n", file.getFileName(), bytes.length,
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        }
    }

    /** Writes every fixture into {@code out} (created if needed) from this checkout's config and test keys. */
    static List<Path> generate(Path out) throws Exception {
        Files.createDirectories(out);
        WolfBootConfig config = WolfBootConfig.read(TestFixtures.lmsConfig());
        Keystore keystore = KeystoreFiles.parseC("keystore.c", TestFixtures.read(TestFixtures.lmsVector("keystore.c"))).keystore();
        FirmwareFiles firmware = FirmwareSet.build(keystore, config, TestAppBehaviour.NORMAL).writeTo(new FirmwareFiles(
                out.resolve("otp-primer-lms.bin"), out.resolve("wolfboot-lms.bin"), out.resolve("test-app.bin")));
        List<Path> written = new ArrayList<>(List.of(firmware.otpPrimer(), firmware.wolfBoot(), firmware.testApp()));
        byte[] application = Files.readAllBytes(firmware.testApp());

        PartitionLayout layout = config.layout();
        Path keys = Files.createTempDirectory("bootrig-fixture-keys");
        try {
            LmsSigningKey key0 = copyKey(TestFixtures.lmsVector("lms_key0_all.der"), keys.resolve("key0.der"));
            LmsSigningKey key1 = copyKey(TestFixtures.lmsVector("lms_key1_id123.der"), keys.resolve("key1.der"));
            Path unknownFile = keys.resolve("unknown.der");
            SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
            seeded.setSeed(UNKNOWN_KEY_SEED);
            Files.write(unknownFile, KeyGenerator.generate(AuthType.LMS, layout.lms().orElseThrow(), seeded).privateKeyFile());
            LmsSigningKey unknown = LmsSigningKey.open(unknownFile);

            written.add(write(out.resolve("image_v1_signed.bin"), sign(application, key0, 1, 1, layout)));
            byte[] v2 = sign(application, key0, 2, 1, layout);
            written.add(write(out.resolve("image_v2_signed.bin"), v2));
            written.add(write(out.resolve("image_v3_signed.bin"), sign(application, key0, 3, 1, layout)));
            written.add(write(out.resolve("image_v2_key1_id4_signed.bin"), sign(application, key1, 2, 4, layout)));
            written.add(write(out.resolve("image_v2_unknown_key_signed.bin"), sign(application, unknown, 2, 1, layout)));
            written.add(write(out.resolve("image_v2_bad_signature_signed.bin"), flipSignatureByte(v2, layout.headerSize())));
        } finally {
            try (Stream<Path> files = Files.walk(keys)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        return written;
    }

    static LmsSigningKey copyKey(Path from, Path to) throws Exception {
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        return LmsSigningKey.open(to);
    }

    static byte[] sign(byte[] payload, LmsSigningKey key, long version, int partitionId, PartitionLayout layout)
            throws Exception {
        SignRequest request = new SignRequest(version, OptionalLong.of(TIMESTAMP), partitionId, layout.hash(),
                OptionalInt.of(layout.headerSize()), List.of());
        return ImageSigner.sign(payload, key, request);
    }

    /** The same image with one byte of its HDR_SIGNATURE inverted. */
    static byte[] flipSignatureByte(byte[] image, int headerSize) throws Exception {
        SignedImage parsed = SignedImage.parse("image", image, OptionalInt.of(headerSize));
        Tlv signature = parsed.find(0x0020).orElseThrow();
        byte[] copy = image.clone();
        int at = signature.offset() + 4 + signature.length() / 2;
        copy[at] = (byte) ~copy[at];
        return copy;
    }

    private static Path write(Path file, byte[] bytes) throws Exception {
        Files.write(file, bytes);
        return file;
    }
}
