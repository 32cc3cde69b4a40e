package io.bootrig.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bootrig.wolfboot.image.ImageVerifier;
import io.bootrig.wolfboot.image.RejectReason;
import io.bootrig.wolfboot.image.SignedImage;
import io.bootrig.wolfboot.image.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The images the scenarios send get, from wolfboot-tools' verifier, exactly the verdict each scenario expects. */
class ScenarioMaterialsTest {
    private static final Path ROOT = Path.of(System.getProperty("bootrig.root", "..")).toAbsolutePath();
    private static final Path CONFIG = ROOT.resolve("board-configs/wolfboot/stm32h5-tz-dualbank-otp-lms.config");

    @TempDir
    Path tmp;

    private Path materialsDir;

    @BeforeEach
    void materialsDirectory() throws Exception {
        materialsDir = Files.createDirectories(tmp.resolve("qa-keystore/keys"));
        Path lms = ROOT.resolve("fixtures/wolfboot/lms");
        Files.copy(lms.resolve("lms_key0_all.der"), materialsDir.resolve("key0.der"));
        Files.copy(lms.resolve("lms_key1_id123.der"), materialsDir.resolve("key1.der"));
        Files.copy(lms.resolve("keystore.c"), materialsDir.resolveSibling("keystore.c"));
    }

    @Test
    void eachImageGetsTheVerdictItsScenarioExpects() throws Exception {
        ScenarioMaterials m = ScenarioMaterials.fromDirectory(tmp.resolve("qa-keystore"), CONFIG, tmp.resolve("run"), true);
        assertThat(m.primer()).exists();
        assertThat(verdict(m, m.signed(3)).accepted()).isTrue();
        assertThat(verdict(m, m.signedWithRestrictedKey(3, 1)).accepted()).isTrue();
        assertThat(verdict(m, m.signedWithRestrictedKey(3, 4)).reason()).contains(RejectReason.PERMISSION);
        assertThat(verdict(m, m.badSignature(3)).reason()).contains(RejectReason.SIGNATURE);
        assertThat(verdict(m, m.tampered(3)).reason()).contains(RejectReason.INTEGRITY);
        assertThat(verdict(m, m.signedWithUnknownKey(3)).reason()).contains(RejectReason.UNKNOWN_KEY);
        assertThat(SignedImage.parse("v7", Files.readAllBytes(m.signed(7)), OptionalInt.empty()).version()).hasValue(7);
    }

    @Test
    void theCommittedKeysAreNeverSignedWith() throws Exception {
        byte[] before = Files.readAllBytes(ROOT.resolve("fixtures/wolfboot/lms/lms_key0_all.der"));
        ScenarioMaterials m = ScenarioMaterials.fixtures(ROOT, CONFIG, tmp.resolve("run"));
        m.signed(2);
        assertThat(Files.readAllBytes(ROOT.resolve("fixtures/wolfboot/lms/lms_key0_all.der"))).isEqualTo(before);
        assertThat(Files.readAllBytes(tmp.resolve("run/keys/lms_key0_all.der"))).as("the copy advanced").isNotEqualTo(before);
    }

    @Test
    void aRealBoardNeedsTheBinariesOfWolfBootsBuild() {
        assertThatThrownBy(() -> ScenarioMaterials.fromDirectory(tmp.resolve("qa-keystore"), CONFIG, tmp.resolve("run"), false))
                .isInstanceOf(SetupFailure.class).hasMessageContaining("otp-primer.bin is missing");
    }

    private static Verdict verdict(ScenarioMaterials m, Path image) throws Exception {
        SignedImage img = SignedImage.parse(image.toString(), Files.readAllBytes(image), OptionalInt.of(m.layout().headerSize()));
        return ImageVerifier.verify(img, m.keystore(), OptionalInt.of(1), Optional.of(m.layout().sign()));
    }
}
