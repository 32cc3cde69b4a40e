package io.bootrig.rig.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bootrig.board.firmware.FirmwareKind;
import io.bootrig.board.firmware.VirtualFirmware;
import io.bootrig.rig.TestEnvironment;
import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.config.PartitionLayout;
import io.bootrig.wolfboot.config.WolfBootConfig;
import io.bootrig.wolfboot.crypto.AuthType;
import io.bootrig.wolfboot.crypto.LmsPrivateKey;
import io.bootrig.wolfboot.image.ImageVerifier;
import io.bootrig.wolfboot.image.SignedImage;
import io.bootrig.wolfboot.image.Verdict;
import io.bootrig.wolfboot.keystore.KeystoreC;
import io.bootrig.wolfboot.keystore.KeystoreDerFormat;
import io.bootrig.wolfboot.keystore.KeystoreFiles;
import io.bootrig.wolfboot.keystore.KeystoreSlot;
import io.bootrig.wolfboot.otp.OtpImage;
import io.bootrig.wolfboot.otp.OtpLayout;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The materials made for the STM32H5 LMS config check out with wolfboot-tools and the virtual board's formats. */
class DemoMaterialsTest {
    @TempDir
    static Path workDir;
    static WolfBootConfig config;
    static DemoMaterials materials;
    static List<String> steps = new ArrayList<>();

    @BeforeAll
    static void create() throws Exception {
        config = WolfBootConfig.read(lmsConfig());
        materials = DemoMaterials.create(workDir.resolve("demo"), config, steps::add);
    }

    @Test
    void everyFileIsInTheWorkDirectory() {
        Path dir = workDir.resolve("demo");
        assertThat(List.of(materials.signingKey(), materials.restrictedKey())).allSatisfy(key ->
                assertThat(key.getParent()).isEqualTo(dir.resolve("keys")));
        assertThat(List.of(materials.keystoreC(), materials.keystoreDer(), materials.otp(), materials.otpPrimer(),
                materials.wolfBoot(), materials.testApp(), materials.imageV1(), materials.imageV2()))
                .extracting(path -> path.getFileName().toString())
                .containsExactly("keystore.c", "keystore.der", "otp.bin", "otp-primer.bin", "wolfboot.bin",
                        "test-app.bin", "image_v1_signed.bin", "image_v2_signed.bin");
        assertThat(List.of(materials.keystoreC(), materials.otp(), materials.imageV2())).allSatisfy(file ->
                assertThat(file).isRegularFile().hasParent(dir));
        assertThat(steps).isNotEmpty();
    }

    @Test
    void bothImagesAreAcceptedByTheKeystoreInEveryForm() throws Exception {
        PartitionLayout layout = config.layout();
        for (Path keystoreFile : List.of(materials.keystoreC(), materials.keystoreDer(), materials.otp())) {
            for (Path file : List.of(materials.imageV1(), materials.imageV2())) {
                SignedImage image = SignedImage.parse(file.toString(), Files.readAllBytes(file),
                        OptionalInt.of(layout.headerSize()));
                Verdict verdict = ImageVerifier.verify(image, KeystoreFiles.load(keystoreFile), OptionalInt.of(1),
                        Optional.of(AuthType.LMS));

                assertThat(verdict.accepted()).as(file.getFileName() + " against " + keystoreFile.getFileName() + ": "
                        + verdict.detail()).isTrue();
                assertThat(verdict.slot()).hasValue(0);
                assertThat(image.payload()).isEqualTo(Files.readAllBytes(materials.testApp()));
                assertThat(image.timestamp()).hasValue(materials.timestamp());
            }
        }
        assertThat(version(materials.imageV1())).hasValue(1);
        assertThat(version(materials.imageV2())).hasValue(2);
    }

    @Test
    void otpBinHoldsBothKeysWithTheirMasks() throws Exception {
        OtpImage otp = OtpImage.parse("otp.bin", Files.readAllBytes(materials.otp()));

        assertThat(otp.header().version()).isEqualTo(OtpLayout.DEFAULT_VERSION);
        assertThat(otp.slotStride()).isEqualTo(16 + 60);
        assertThat(otp.keystore().slots()).extracting(KeystoreSlot::slotId, KeystoreSlot::partIdMask,
                KeystoreSlot::pubkeySize).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0L, 0xFFFF_FFFFL, 60L),
                        org.assertj.core.groups.Tuple.tuple(1L, 0x0000_000EL, 60L));
        assertThat(otp.keystore().slots()).extracting(KeystoreSlot::pubkey)
                .containsExactlyElementsOf(materials.keystore().slots().stream().map(KeystoreSlot::pubkey).toList());
    }

    @Test
    void keystoreCIsKeygensTextAndKeystoreDerKeygensBytes() throws Exception {
        KeystoreC parsed = KeystoreFiles.parseC("keystore.c", Files.readAllBytes(materials.keystoreC()));

        assertThat(parsed.canonical()).isTrue();
        assertThat(parsed.lastAlgorithm()).isEqualTo(AuthType.LMS);
        assertThat(parsed.keystore().slots()).extracting(KeystoreSlot::source)
                .containsExactly("keys/lms_key0_all.der", "keys/lms_key1_id123.der");
        assertThat(parsed.keystore().slots()).isEqualTo(materials.keystore().slots());
        assertThat(Files.readAllBytes(materials.keystoreDer())).isEqualTo(KeystoreDerFormat.emit(materials.keystore()));
    }

    @Test
    void thePrimerWolfBootAndTestAppAreTheVirtualFirmwareKinds() throws Exception {
        VirtualFirmware primer = decode(materials.otpPrimer());
        VirtualFirmware wolfBoot = decode(materials.wolfBoot());
        VirtualFirmware testApp = decode(materials.testApp());

        assertThat(primer.kind()).isEqualTo(FirmwareKind.OTP_PRIMER);
        assertThat(primer.parameters()).containsEntry("NUM_PUBKEYS", "2").containsEntry("PUBKEY1_PART_ID_MASK", "0x0000000E");
        assertThat(wolfBoot.kind()).isEqualTo(FirmwareKind.WOLFBOOT);
        assertThat(wolfBoot.linkAddress()).isEqualTo(0x0C00_0000L);
        assertThat(testApp.kind()).isEqualTo(FirmwareKind.TEST_APP);
        assertThat(testApp.linkAddress()).isEqualTo(config.layout().entryPoint());
    }

    @Test
    void privateKeysAreOwnerOnlyAndOnlyInKeys() throws Exception {
        for (Path key : List.of(materials.signingKey(), materials.restrictedKey())) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(materials.signingKey().getParent())))
                .isEqualTo("rwx------");
        List<byte[]> secrets = List.of(secret(materials.signingKey()), secret(materials.restrictedKey()));
        try (Stream<Path> files = Files.walk(workDir.resolve("demo"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!file.getParent().equals(materials.signingKey().getParent())) {
                    byte[] content = Files.readAllBytes(file);
                    assertThat(secrets).as(file + " holds no private seed").noneMatch(s -> contains(content, s));
                }
            }
        }
    }

    @Test
    void theKeysAreFreshAndDiffer() throws Exception {
        List<byte[]> committed = KeystoreFiles.load(TestEnvironment.root().resolve("fixtures/wolfboot/lms/keystore.c"))
                .slots().stream().map(KeystoreSlot::pubkey).toList();
        byte[] key0 = materials.keystore().slots().get(0).pubkey();
        byte[] key1 = materials.keystore().slots().get(1).pubkey();

        assertThat(key0).isNotEqualTo(key1);
        assertThat(committed).noneMatch(k -> Arrays.equals(k, key0) || Arrays.equals(k, key1));
        assertThat(Files.readAllBytes(materials.signingKey())).isNotEqualTo(
                Files.readAllBytes(TestEnvironment.root().resolve("fixtures/wolfboot/lms/lms_key0_all.der")));
    }

    @Test
    void aLaterVersionIsSignedWithKeyZeroAtItsNextIndex() throws Exception {
        long before = LmsPrivateKey.parse("key 0", Files.readAllBytes(materials.signingKey())).q();

        Path v3 = materials.signVersion(3, workDir.resolve("image_v3_signed.bin"));

        SignedImage image = SignedImage.parse(v3.toString(), Files.readAllBytes(v3),
                OptionalInt.of(config.layout().headerSize()));
        assertThat(ImageVerifier.verify(image, materials.keystore(), OptionalInt.of(1), Optional.of(AuthType.LMS))
                .accepted()).isTrue();
        assertThat(image.version()).hasValue(3);
        assertThat(LmsPrivateKey.parse("key 0", Files.readAllBytes(materials.signingKey())).q()).isEqualTo(before + 1);
        assertThat(before).as("images 1 and 2 used indices 0 and 1").isEqualTo(2);
    }

    @Test
    void theEccConfigGetsEccKeysThatSignItsImages(@TempDir Path other) throws Exception {
        WolfBootConfig ecc = WolfBootConfig.read(
                TestEnvironment.root().resolve("board-configs/wolfboot/stm32h5-tz-dualbank-otp.config"));

        DemoMaterials made = DemoMaterials.create(other.resolve("demo"), ecc);

        assertThat(made.signingKey()).hasFileName("ecc256_key0_all.der");
        assertThat(made.keystore().slots()).extracting(KeystoreSlot::authType)
                .containsOnly(Optional.of(AuthType.ECC256));
        SignedImage image = SignedImage.parse("v2", Files.readAllBytes(made.imageV2()),
                OptionalInt.of(ecc.layout().headerSize()));
        assertThat(ImageVerifier.verify(image, KeystoreFiles.load(made.otp()), OptionalInt.of(1),
                Optional.of(AuthType.ECC256)).accepted()).isTrue();
    }

    @Test
    void aDirectoryThatHoldsSomethingIsRefused(@TempDir Path other) throws Exception {
        Files.writeString(other.resolve("keep.txt"), "mine");

        assertThatThrownBy(() -> DemoMaterials.create(other, config))
                .isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining(other.toString()).hasMessageContaining("keep.txt");
        assertThat(Files.readString(other.resolve("keep.txt"))).isEqualTo("mine");
    }

    @Test
    void aConfigWithoutAnOtpKeystoreIsRefused(@TempDir Path other) throws Exception {
        String text = Files.readString(lmsConfig()).replace("FLASH_OTP_KEYSTORE=1", "FLASH_OTP_KEYSTORE=0");
        WolfBootConfig noOtp = WolfBootConfig.parse("no-otp.config", text);

        assertThatThrownBy(() -> DemoMaterials.create(other.resolve("demo"), noOtp))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("no-otp.config").hasMessageContaining("FLASH_OTP_KEYSTORE");
        assertThat(other.resolve("demo")).doesNotExist();
    }

    private static Path lmsConfig() {
        return TestEnvironment.root().resolve("board-configs/wolfboot/stm32h5-tz-dualbank-otp-lms.config");
    }

    private static java.util.OptionalLong version(Path file) throws Exception {
        return SignedImage.parse(file.toString(), Files.readAllBytes(file), OptionalInt.of(config.layout().headerSize()))
                .version();
    }

    private static VirtualFirmware decode(Path file) throws Exception {
        return VirtualFirmware.decode(Files.readAllBytes(file))
                .orElseThrow(() -> new AssertionError(file + " is not a virtual firmware image"));
    }

    /** The LMS key file's SEED and I (bytes 16..64): what must never leave keys/. */
    private static byte[] secret(Path key) throws Exception {
        return Arrays.copyOfRange(Files.readAllBytes(key), 16, LmsPrivateKey.PRIVATE_SIZE);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }
}
