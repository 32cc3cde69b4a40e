package io.bootrig.wolfboot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AddressCheckTest {
    private static PartitionLayout lms;

    @BeforeAll
    static void load() throws Exception {
        lms = WolfBootConfig.read(ExampleConfigs.path(ExampleConfigs.LMS)).layout();
    }

    @Test
    void docsAddressForTheApplicationIsFlagged() {
        Optional<String> w = AddressCheck.applicationImage(lms, 0x08040000L);
        assertThat(w).isPresent();
        assertThat(w.get()).contains("0x08040000", "0x08060000", "WOLFBOOT_PARTITION_BOOT_ADDRESS",
                ExampleConfigs.LMS, "0x08062000");
    }

    @Test
    void bootPartitionInEitherAliasAgrees() {
        assertThat(AddressCheck.applicationImage(lms, 0x08060000L)).isEmpty();
        assertThat(AddressCheck.applicationImage(lms, 0x0C060000L)).isEmpty();
    }

    @Test
    void entryPointIsExplainedAsTheFirmwareStart() {
        Optional<String> w = AddressCheck.applicationImage(lms, 0x08062000L);
        assertThat(w).get().asString().contains("0x08062000", "8192-byte manifest header", "0x08060000");
    }

    @Test
    void updateImageGoesToTheUpdatePartition() {
        assertThat(AddressCheck.updateImage(lms, 0x0C160000L)).isEmpty();
        assertThat(AddressCheck.updateImage(lms, 0x08160000L)).isEmpty();
        assertThat(AddressCheck.updateImage(lms, 0x08100000L)).get().asString()
                .contains("0x08100000", "WOLFBOOT_PARTITION_UPDATE_ADDRESS=0x0C160000", "non-secure alias 0x08160000");
    }

    @Test
    void docsWatermarkIsTooShortForTheConfig() {
        Optional<String> w = AddressCheck.secureWatermark(lms, 1, 0x00, 0x1F);
        assertThat(w).get().asString().contains("SECWM1 0x00..0x1F", "needs SECWM1 0x00..0x2F",
                "WOLFBOOT_PARTITION_BOOT_ADDRESS=0x08060000", "keyvault");
        assertThat(SecureWatermarks.required(lms, 1)).isEqualTo(new SecureWatermark(1, 0, 0x2F));
    }

    @Test
    void matchingWatermarksPass() {
        assertThat(AddressCheck.secureWatermark(lms, 1, 0x00, 0x2F)).isEmpty();
        assertThat(AddressCheck.secureWatermark(lms, 2, 0x00, 0x7F)).isEmpty();
    }

    @Test
    void tooLargeWatermarkIsFlaggedToo() {
        assertThat(AddressCheck.secureWatermark(lms, 1, 0x00, 0x7F)).get().asString().contains("0x00..0x2F");
        assertThat(AddressCheck.secureWatermark(lms, 2, 0x30, 0x7F)).get().asString()
                .contains("needs SECWM2 0x00..0x7F", "update partition", "wolfBoot's copy for DUALBANK_SWAP");
    }

    @Test
    void withoutTrustZoneNoSectorShouldBeSecure() throws Exception {
        PartitionLayout l = ExampleConfigs.layout(ExampleConfigs.with(ExampleConfigs.with(ExampleConfigs.lms(),
                "TZEN", "0"), "WOLFBOOT_PARTITION_UPDATE_ADDRESS", "0x08160000"));
        assertThat(AddressCheck.secureWatermark(l, 1, 1, 0)).isEmpty();
        assertThat(AddressCheck.secureWatermark(l, 1, 0x7F, 0x00)).isEmpty();
        assertThat(AddressCheck.secureWatermark(l, 1, 0, 0x2F)).get().asString().contains("TZEN=0");
    }

    @Test
    void unknownBanksCannotBeChecked() throws Exception {
        assertThat(AddressCheck.secureWatermark(lms, 3, 0, 0)).get().asString().contains("cannot be checked");
        PartitionLayout sim = ExampleConfigs.layout("TARGET=sim\nWOLFBOOT_SECTOR_SIZE=0x1000\n"
                + "WOLFBOOT_PARTITION_SIZE=0x40000\nWOLFBOOT_PARTITION_BOOT_ADDRESS=0x80000\n"
                + "WOLFBOOT_PARTITION_UPDATE_ADDRESS=0x100000\n");
        assertThat(AddressCheck.secureWatermark(sim, 1, 0, 0x2F)).get().asString()
                .contains("cannot be checked", "TARGET=sim");
        assertThat(AddressCheck.applicationImage(sim, 0x80000L)).isEmpty();
        assertThat(AddressCheck.applicationImage(sim, 0x08080000L)).isPresent();
    }
}
