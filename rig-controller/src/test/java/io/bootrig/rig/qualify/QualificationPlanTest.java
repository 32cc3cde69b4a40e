package io.bootrig.rig.qualify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bootrig.rig.TestEnvironment;
import io.bootrig.wolfboot.AtomicFiles;
import io.bootrig.wolfboot.config.PartitionLayout;
import io.bootrig.wolfboot.config.WolfBootConfig;
import io.bootrig.wolfboot.crypto.KeyGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The case matrix a keystore and its keys give, without a board. */
class QualificationPlanTest {
    private static final Path ROOT = TestEnvironment.root();
    private static final Path LMS = ROOT.resolve("fixtures/wolfboot/lms");
    private static final Path KEYSTORE = LMS.resolve("keystore.c");
    private static final Path CONFIG = ROOT.resolve("board-configs/wolfboot/stm32h5-tz-dualbank-otp-lms.config");

    @TempDir
    Path tmp;

    private static PartitionLayout layout(String configText) throws Exception {
        return WolfBootConfig.parse(CONFIG.toString(), configText).layout();
    }

    private static PartitionLayout dualBank() throws Exception {
        return layout(Files.readString(CONFIG));
    }

    @Test
    void withOnlyTheRestrictedKeySlotZeroIsNotExercisedAndSlotOneSignsTheGenericCases() throws Exception {
        QualificationPlan plan = QualificationPlan.withKeys(KEYSTORE, dualBank(), List.of(LMS.resolve("lms_key1_id123.der")));

        assertThat(plan.cases()).extracting(QualificationCase::name).containsExactly("slot1-id1", "slot1-id2", "slot1-id3",
                "slot1-id0-forbidden", "slot1-id4-forbidden", "wrong-key", "tampered-payload", "bad-signature",
                "downgrade", "equal-version");
        assertThat(plan.cases()).filteredOn(c -> c.kind() == CaseKind.FORBIDDEN_ID)
                .allMatch(c -> c.expected() == Expected.REJECT && c.maskAllows().equals(java.util.Optional.of(false)));
        assertThat(plan.notes()).anyMatch(n -> n.startsWith("slot 0 (mask 0xFFFFFFFF): NOT EXERCISED"))
                .anyMatch(n -> n.contains("forbids 0, 4..15; sent as allowed: 1, 2, 3; sent as forbidden: 0, 4"));
        assertThat(((ImageRecipe.Signed) plan.bootImage()).key().slot().slotId()).isEqualTo(1);
        assertThat(plan.exercises(plan.keystore().slots().get(0))).isFalse();
        assertThat(plan.lintClean()).isTrue();
    }

    @Test
    void withoutDualBankOnlyPartitionIdOneIsSent() throws Exception {
        PartitionLayout swapBased = layout(Files.readString(CONFIG).replace("DUALBANK_SWAP?=1", "DUALBANK_SWAP?=0"));
        QualificationPlan plan = QualificationPlan.withKeys(KEYSTORE, swapBased,
                List.of(LMS.resolve("lms_key0_all.der"), LMS.resolve("lms_key1_id123.der")));

        assertThat(plan.cases()).extracting(QualificationCase::name).startsWith("slot0-id1", "slot1-id1", "wrong-key");
        assertThat(plan.notes()).anyMatch(n -> n.contains("does not set DUALBANK_SWAP") && n.contains("only id 1 is sent"));
    }

    @Test
    void aKeyInNoSlotAndASlotGivenTwiceAreRefused() throws Exception {
        KeyGenerator.GeneratedKey fresh = KeyGenerator.generate(dualBank().sign(), dualBank().lms().orElseThrow(),
                new SecureRandom());
        Path foreign = tmp.resolve("foreign.der");
        AtomicFiles.write(foreign, fresh.privateKeyFile(), true);
        assertThatThrownBy(() -> QualificationPlan.withKeys(KEYSTORE, dualBank(), List.of(foreign)))
                .isInstanceOf(QualificationInputException.class)
                .hasMessageContaining(foreign + ": its public key (SHA-256 ").hasMessageContaining("is in no slot of");

        Path copy = Files.copy(LMS.resolve("lms_key0_all.der"), tmp.resolve("again.der"));
        assertThatThrownBy(() -> QualificationPlan.withKeys(KEYSTORE, dualBank(),
                List.of(LMS.resolve("lms_key0_all.der"), copy)))
                .hasMessageContaining("are both the key of slot 0");
    }

    @Test
    void preSignedImagesNameTheirSlotAndPartitionFromTheHeader() throws Exception {
        Path images = ROOT.resolve("fixtures/virtual-board");
        QualificationPlan plan = QualificationPlan.withImages(KEYSTORE, dualBank(), images.resolve("image_v1_signed.bin"),
                List.of(new PreSignedImage(images.resolve("image_v2_key1_id4_signed.bin"), Expected.REJECT),
                        new PreSignedImage(images.resolve("image_v2_unknown_key_signed.bin"), Expected.REJECT)));

        QualificationCase id4 = plan.cases().get(0);
        assertThat(id4.name()).isEqualTo("image1-v2-key1-id4");
        assertThat(id4.slot().orElseThrow().slotId()).isEqualTo(1);
        assertThat(id4.partitionId().getAsInt()).isEqualTo(4);
        assertThat(id4.maskAllows()).contains(false);
        assertThat(plan.cases().get(1).slot()).isEmpty();
    }

    @Test
    void idRangesReadAsAPersonWritesThem() {
        assertThat(IdRanges.format(List.of(0, 1, 2, 3, 4, 5))).isEqualTo("0..5");
        assertThat(IdRanges.format(List.of(1, 2, 3))).isEqualTo("1, 2, 3");
        assertThat(IdRanges.format(List.of(0, 4, 5, 6, 7, 9))).isEqualTo("0, 4..7, 9");
        assertThat(IdRanges.format(List.of())).isEqualTo("none");
    }
}
