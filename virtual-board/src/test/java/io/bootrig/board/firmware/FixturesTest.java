package io.bootrig.board.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.bootrig.board.TestFixtures;
import io.bootrig.wolfboot.config.PartitionLayout;
import io.bootrig.wolfboot.config.WolfBootConfig;
import io.bootrig.wolfboot.image.ImageVerifier;
import io.bootrig.wolfboot.image.RejectReason;
import io.bootrig.wolfboot.image.SignedImage;
import io.bootrig.wolfboot.image.Verdict;
import io.bootrig.wolfboot.keystore.Keystore;
import io.bootrig.wolfboot.keystore.KeystoreFiles;
import io.bootrig.wolfboot.otp.OtpImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * fixtures/virtual-board/ is exactly what FixtureGenerator makes now (byte for byte, no file more or
 * less), and each signed image gets its verdict from the OTP keystore.
 */
class FixturesTest {

    @Test
    void everyCommittedFixtureIsWhatFixtureGeneratorMakesNow(@TempDir Path generated) throws Exception {
        Path committed = TestFixtures.root().resolve("fixtures/virtual-board");

        FixtureGenerator.generate(generated);

        Set<String> names = new TreeSet<>(binaries(generated));
        names.addAll(binaries(committed));
        List<String> outOfDate = new ArrayList<>();
        for (String name : names) {
            Path made = generated.resolve(name);
            Path kept = committed.resolve(name);
            if (!Files.exists(kept)) {
                outOfDate.add(stale(name, "missing: FixtureGenerator makes it"));
            } else if (!Files.exists(made)) {
                outOfDate.add(stale(name, "FixtureGenerator no longer makes it"));
            } else if (Files.mismatch(made, kept) != -1) {
                outOfDate.add(stale(name, "differs from what FixtureGenerator makes from byte "
                        + Files.mismatch(made, kept)));
            }
        }
        if (!outOfDate.isEmpty()) {
            fail(String.join("\n", outOfDate));
        }
    }

    @Test
    void theUnsignedFixturesDecodeAsTheImagesOfAFirmwareSet() throws Exception {
        WolfBootConfig config = WolfBootConfig.read(TestFixtures.lmsConfig());
        Keystore keystore = KeystoreFiles.parseC("keystore.c", TestFixtures.read(TestFixtures.lmsVector("keystore.c"))).keystore();
        FirmwareSet set = FirmwareSet.build(keystore, config, TestAppBehaviour.NORMAL);

        assertThat(VirtualFirmware.decode(TestFixtures.read(TestFixtures.virtualBoard("otp-primer-lms.bin"))))
                .contains(set.otpPrimer());
        assertThat(VirtualFirmware.decode(TestFixtures.read(TestFixtures.virtualBoard("wolfboot-lms.bin"))))
                .contains(set.wolfBoot());
        assertThat(VirtualFirmware.decode(TestFixtures.read(TestFixtures.virtualBoard("test-app.bin"))))
                .contains(set.testApp());
    }

    @ParameterizedTest
    @CsvSource({
        "image_v1_signed.bin, 1, ",
        "image_v2_signed.bin, 2, ",
        "image_v3_signed.bin, 3, ",
        "image_v2_key1_id4_signed.bin, 2, PERMISSION",
        "image_v2_unknown_key_signed.bin, 2, UNKNOWN_KEY",
        "image_v2_bad_signature_signed.bin, 2, SIGNATURE",
    })
    void eachSignedImageCarriesTheTestApplicationAndGetsItsVerdict(String file, long version, RejectReason reason)
            throws Exception {
        PartitionLayout layout = WolfBootConfig.read(TestFixtures.lmsConfig()).layout();
        Keystore otpKeystore = OtpImage.parse("otp.bin", TestFixtures.read(TestFixtures.lmsVector("otp.bin"))).keystore();
        SignedImage image = SignedImage.parse(file, TestFixtures.read(TestFixtures.virtualBoard(file)),
                OptionalInt.of(layout.headerSize()));

        Verdict verdict = ImageVerifier.verify(image, otpKeystore, OptionalInt.empty(), Optional.of(layout.sign()));

        assertThat(image.payload()).isEqualTo(TestFixtures.read(TestFixtures.virtualBoard("test-app.bin")));
        assertThat(image.version()).hasValue(version);
        assertThat(verdict.reason()).isEqualTo(Optional.ofNullable(reason));
    }

    private static String stale(String name, String why) {
        return "fixtures/virtual-board/" + name + " is out of date; run fixtures/regenerate (" + why + ")";
    }

    private static Set<String> binaries(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".bin"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
