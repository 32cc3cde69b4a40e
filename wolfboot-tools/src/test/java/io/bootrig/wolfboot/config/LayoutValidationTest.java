package io.bootrig.wolfboot.config;

import static io.bootrig.wolfboot.config.ExampleConfigs.layout;
import static io.bootrig.wolfboot.config.ExampleConfigs.with;
import static io.bootrig.wolfboot.config.ExampleConfigs.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.crypto.AuthType;
import io.bootrig.wolfboot.crypto.HashAlgorithm;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LayoutValidationTest {
    private static final String LMS = ExampleConfigs.lms();
    private static final String ECC = ExampleConfigs.ecc();

    private static AbstractThrowableAssert<?, ? extends Throwable> rejects(String text, String key, String... words) {
        return assertThatThrownBy(() -> layout(text))
                .isInstanceOfSatisfying(FormatException.class, e -> {
                    assertThat(e.source()).isEqualTo("test.config");
                    assertThat(e.field()).isEqualTo(key);
                    for (String w : words) {
                        assertThat(e.problem()).contains(w);
                    }
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"WOLFBOOT_PARTITION_SIZE", "WOLFBOOT_SECTOR_SIZE", "WOLFBOOT_PARTITION_BOOT_ADDRESS",
            "WOLFBOOT_PARTITION_UPDATE_ADDRESS", "LMS_LEVELS", "LMS_HEIGHT", "LMS_WINTERNITZ"})
    void missingRequiredKeyIsNamed(String key) {
        rejects(without(LMS, key), key, "required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"WOLFBOOT_PARTITION_SIZE", "WOLFBOOT_SECTOR_SIZE", "WOLFBOOT_PARTITION_BOOT_ADDRESS",
            "WOLFBOOT_PARTITION_UPDATE_ADDRESS", "WOLFBOOT_PARTITION_SWAP_ADDRESS", "WOLFBOOT_KEYVAULT_ADDRESS",
            "WOLFBOOT_NSC_SIZE", "IMAGE_HEADER_SIZE", "IMAGE_SIGNATURE_SIZE", "LMS_HEIGHT"})
    void nonNumericValueIsNamed(String key) {
        rejects(with(LMS, key, "0x8006O000"), key, "not a number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TZEN", "DUALBANK_SWAP", "NVM_FLASH_WRITEONCE", "ALLOW_DOWNGRADE", "FLASH_OTP_KEYSTORE",
            "FLAGS_HOME"})
    void switchesMustBeZeroOrOne(String key) {
        rejects(with(LMS, key, "2"), key, "not 0 or 1");
    }

    @Test
    void keyvaultNeedsItsSize() {
        rejects(without(LMS, "WOLFBOOT_KEYVAULT_SIZE"), "WOLFBOOT_KEYVAULT_SIZE", "required");
        rejects(without(LMS, "WOLFBOOT_NSC_ADDRESS"), "WOLFBOOT_NSC_ADDRESS", "required");
    }

    @Test
    void partitionsMustBeSectorAligned() {
        rejects(with(LMS, "WOLFBOOT_PARTITION_BOOT_ADDRESS", "0x08061000"), "WOLFBOOT_PARTITION_BOOT_ADDRESS",
                "0x08061000", "not aligned", "WOLFBOOT_SECTOR_SIZE 0x2000");
        rejects(with(LMS, "WOLFBOOT_PARTITION_UPDATE_ADDRESS", "0x0C160100"), "WOLFBOOT_PARTITION_UPDATE_ADDRESS",
                "not aligned");
        rejects(with(LMS, "WOLFBOOT_PARTITION_SIZE", "0xA1000"), "WOLFBOOT_PARTITION_SIZE", "not a multiple");
        rejects(with(LMS, "WOLFBOOT_SECTOR_SIZE", "0"), "WOLFBOOT_SECTOR_SIZE", "not be 0");
        rejects(with(LMS, "WOLFBOOT_PARTITION_SIZE", "0"), "WOLFBOOT_PARTITION_SIZE", "not be 0");
        rejects(with(LMS, "WOLFBOOT_PARTITION_SIZE", "0x4000"), "WOLFBOOT_PARTITION_SIZE", "trailer alone takes 2");
    }

    @Test
    void partitionsMustNotOverlapEachOther() {
        String text = with(with(LMS, "DUALBANK_SWAP", "0"), "WOLFBOOT_PARTITION_UPDATE_ADDRESS", "0x0C0A0000");
        rejects(text, "WOLFBOOT_PARTITION_UPDATE_ADDRESS", "overlaps the boot partition", "0x080A0000");
    }

    @Test
    void overlapIsComparedInTheNonSecureAlias() {
        String text = with(with(ECC, "DUALBANK_SWAP", "0"), "WOLFBOOT_PARTITION_SWAP_ADDRESS", "0x0C070000");
        rejects(text, "WOLFBOOT_PARTITION_SWAP_ADDRESS", "swap partition", "overlaps the boot partition");
    }

    @Test
    void partitionsMustNotOverlapWolfBoot() {
        String text = with(with(LMS, "DUALBANK_SWAP", "0"), "WOLFBOOT_PARTITION_UPDATE_ADDRESS", "0x0C020000");
        rejects(text, "WOLFBOOT_PARTITION_UPDATE_ADDRESS", "wolfBoot's area", "0x08000000..0x0805FFFF");
    }

    @Test
    void keyvaultAndNscMustNotOverlapPartitions() {
        rejects(with(LMS, "WOLFBOOT_KEYVAULT_ADDRESS", "0x0C042000"), "WOLFBOOT_NSC_ADDRESS",
                "overlaps the keyvault");
        rejects(with(LMS, "WOLFBOOT_NSC_SIZE", "0x6000"), "WOLFBOOT_NSC_ADDRESS", "overlaps the boot partition");
    }

    @Test
    void everythingMustBeInsideTheTwoMegabyteFlash() {
        rejects(with(with(LMS, "DUALBANK_SWAP", "0"), "WOLFBOOT_PARTITION_UPDATE_ADDRESS", "0x08180000"),
                "WOLFBOOT_PARTITION_UPDATE_ADDRESS", "runs past the end", "0x08200000");
        rejects(with(LMS, "WOLFBOOT_PARTITION_BOOT_ADDRESS", "0x20000000"), "WOLFBOOT_PARTITION_BOOT_ADDRESS",
                "not in the stm32h5 flash");
        rejects(with(LMS, "WOLFBOOT_PARTITION_BOOT_ADDRESS", "0x08000000"), "WOLFBOOT_PARTITION_BOOT_ADDRESS",
                "no room for wolfBoot");
        rejects(with(LMS, "WOLFBOOT_KEYVAULT_ADDRESS", "0x0BFF0000"), "WOLFBOOT_KEYVAULT_ADDRESS", "not in");
    }

    @Test
    void dualBankSwapNeedsUpdateMirroringBoot() {
        rejects(with(LMS, "WOLFBOOT_PARTITION_UPDATE_ADDRESS", "0x0C140000"), "WOLFBOOT_PARTITION_UPDATE_ADDRESS",
                "DUALBANK_SWAP", "0x08160000", "0x0C160000");
        PartitionLayout nonSecureUpdate = layoutOf(with(LMS, "WOLFBOOT_PARTITION_UPDATE_ADDRESS", "0x08160000"));
        assertThat(nonSecureUpdate.update().configuredSecure()).isFalse();
        PartitionLayout noSwap = layoutOf(with(with(LMS, "DUALBANK_SWAP", "0"),
                "WOLFBOOT_PARTITION_UPDATE_ADDRESS", "0x0C140000"));
        assertThat(noSwap.update().nonSecureAddress()).isEqualTo(0x08140000L);
    }

    @Test
    void signingMistakesAreNamed() {
        rejects(with(LMS, "SIGN", "ECC999"), "SIGN", "unknown");
        rejects(with(LMS, "SIGN", "NONE"), "SIGN", "not supported");
        rejects(with(LMS, "HASH", "MD5"), "HASH", "unknown hash");
        rejects(with(LMS, "LMS_LEVELS", "9"), "LMS_LEVELS", "1..8");
        rejects(with(LMS, "LMS_HEIGHT", "6"), "LMS_HEIGHT", "5, 10");
        rejects(with(LMS, "LMS_WINTERNITZ", "3"), "LMS_WINTERNITZ", "1, 2, 4 or 8");
        rejects(with(LMS, "IMAGE_SIGNATURE_SIZE", "2600"), "IMAGE_SIGNATURE_SIZE", "2644", "L2-H5-W8");
        rejects(with(ECC, "IMAGE_SIGNATURE_SIZE", "96"), "IMAGE_SIGNATURE_SIZE", "64");
        rejects(with(LMS, "IMAGE_HEADER_SIZE", "4096"), "IMAGE_HEADER_SIZE", "5288");
        rejects(with(LMS, "IMAGE_HEADER_SIZE", "0x9C000"), "IMAGE_HEADER_SIZE", "no room");
        rejects(without(with(LMS, "SIGN", "XMSS"), "IMAGE_SIGNATURE_SIZE"), "IMAGE_SIGNATURE_SIZE", "required");
        rejects(with(LMS, "FLAGS_HOME", "1"), "FLAGS_HOME", "not modelled");
    }

    @Test
    void defaultsFollowWolfBoot() {
        PartitionLayout lmsDefaultHeader = layoutOf(without(LMS, "IMAGE_HEADER_SIZE"));
        assertThat(lmsDefaultHeader.headerSize()).isEqualTo(2 * 2644);
        PartitionLayout ecc = layoutOf(without(without(ECC, "IMAGE_HEADER_SIZE"), "HASH"));
        assertThat(ecc.headerSize()).isEqualTo(256);
        assertThat(ecc.hash()).isEqualTo(HashAlgorithm.SHA256);
        PartitionLayout unsignedDefault = layoutOf(without(without(ECC, "SIGN"), "IMAGE_HEADER_SIZE"));
        assertThat(unsignedDefault.sign()).isEqualTo(AuthType.ED25519);
        PartitionLayout sha384 = layoutOf(with(ECC, "HASH", "SHA384"));
        assertThat(sha384.hash()).isEqualTo(HashAlgorithm.SHA384);
        PartitionLayout xmss = layoutOf(with(with(LMS, "SIGN", "XMSS"), "IMAGE_SIGNATURE_SIZE", "2500"));
        assertThat(xmss.signatureSize()).isEqualTo(2500);
        assertThat(xmss.lms()).isEmpty();
    }

    @Test
    void switchesDefaultToOffAndWriteOnceShrinksTheImage() {
        String text = without(without(without(LMS, "NVM_FLASH_WRITEONCE"), "DUALBANK_SWAP"), "FLASH_OTP_KEYSTORE");
        PartitionLayout l = layoutOf(text);
        assertThat(l.writeOnce()).isFalse();
        assertThat(l.dualBankSwap()).isFalse();
        assertThat(l.otpKeystore()).isFalse();
        assertThat(l.bootTrailer().trailerSectors()).containsExactly(0x080FE000L);
        assertThat(l.maxFirmwareSize()).isEqualTo(0xA0000L - 8192 - 0x2000);
        assertThat(SecureWatermarks.required(l, 2)).isEqualTo(new SecureWatermark(2, 0x30, 0x7F));
    }

    @Test
    void withoutTrustZoneWolfBootRunsFromTheNonSecureAlias() {
        PartitionLayout l = layoutOf(with(with(LMS, "TZEN", "0"), "WOLFBOOT_PARTITION_UPDATE_ADDRESS", "0x08160000"));
        assertThat(l.wolfBootArea()).isEqualTo(new Region(0x08000000L, 0x60000L));
        assertThat(SecureWatermarks.required(l, 1).isEmpty()).isTrue();
        assertThat(SecureWatermarks.required(l, 2).isEmpty()).isTrue();
    }

    @Test
    void unknownTargetsUseArchFlashOffsetAndNoAliases() {
        String sim = "ARCH=sim\nTARGET=sim\nSIGN=ED25519\nWOLFBOOT_SECTOR_SIZE=0x1000\n"
                + "WOLFBOOT_PARTITION_SIZE=0x40000\nWOLFBOOT_PARTITION_BOOT_ADDRESS=0x80000\n"
                + "WOLFBOOT_PARTITION_UPDATE_ADDRESS=0x100000\nWOLFBOOT_PARTITION_SWAP_ADDRESS=0x180000\n";
        PartitionLayout l = layoutOf(sim);
        assertThat(l.flash()).isEmpty();
        assertThat(l.flashBase()).isZero();
        assertThat(l.bootloaderSize()).isEqualTo(0x80000L);
        assertThat(l.swap()).get().extracting(Partition::size).isEqualTo(0x1000L);
        assertThat(l.toSecure(0x80000L)).isEqualTo(0x80000L);
        assertThat(l.entryPoint()).isEqualTo(0x80100L);
        assertThat(l.toMap()).doesNotContainKey("secureWatermarks");

        PartitionLayout f4 = layoutOf(sim.replace("sim\n", "stm32f4\n") + "ARCH_FLASH_OFFSET=0x70000\n");
        assertThat(f4.bootloaderSize()).isEqualTo(0x10000L);
        rejects(sim + "ARCH_FLASH_OFFSET=0x90000\n", "WOLFBOOT_PARTITION_BOOT_ADDRESS", "below the flash base");
        rejects(sim.replace("0x180000", "0x130000"), "WOLFBOOT_PARTITION_SWAP_ADDRESS", "overlaps the update");
    }

    @ParameterizedTest
    @CsvSource({"WOLFBOOT_PARTITION_BOOT_ADDRESS,0x7FFFFFFFFFFFFFFF", "WOLFBOOT_KEYVAULT_ADDRESS,0x7FFFFFFFFFFFFFFF",
            "IMAGE_SIGNATURE_SIZE,0x7FFFFFFF", "IMAGE_HEADER_SIZE,0xFFFFFFFF"})
    void hugeValuesAreFormatErrors(String key, String value) {
        assertThatThrownBy(() -> layout(with(LMS, key, value))).isInstanceOf(FormatException.class)
                .extracting(e -> ((FormatException) e).field()).isEqualTo(key);
    }

    private static PartitionLayout layoutOf(String text) {
        try {
            return layout(text);
        } catch (FormatException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
