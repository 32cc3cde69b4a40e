package io.bootrig.board.firmware;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** fixtures/virtual-board/ is what FixtureGenerator makes, and each signed image gets its verdict from the OTP keystore. */
class FixturesTest {

    @Test
    void theUnsignedImagesAreWhatTheBuildApiMakes() throws Exception {
        WolfBootConfig config = WolfBootConfig.read(TestFixtures.lmsConfig());
        Keystore keystore = KeystoreFiles.parseC("keystore.c", TestFixtures.read(TestFixtures.lmsVector("keystore.c"))).keystore();

        assertThat(TestFixtures.read(TestFixtures.virtualBoard("otp-primer-lms.bin")))
                .isEqualTo(FirmwareBuilds.otpPrimer(keystore, config).encode());
        assertThat(TestFixtures.read(TestFixtures.virtualBoard("wolfboot-lms.bin")))
                .isEqualTo(FirmwareBuilds.wolfBoot(config).encode());
        assertThat(TestFixtures.read(TestFixtures.virtualBoard("test-app.bin")))
                .isEqualTo(FirmwareBuilds.testApp(config).encode());
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
}
