package io.bootrig.wolfboot.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.bootrig.wolfboot.crypto.AuthType;
import io.bootrig.wolfboot.crypto.HashAlgorithm;
import io.bootrig.wolfboot.crypto.LmsParameters;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The layouts of the two STM32H5 examples, against wolfboot.md d.2, d.4, d.5, e.2 and e.3. */
class ExampleLayoutTest {

    @Test
    void lmsExample() throws Exception {
        PartitionLayout l = WolfBootConfig.read(ExampleConfigs.path(ExampleConfigs.LMS)).layout();
        assertThat(l.source()).isEqualTo(ExampleConfigs.LMS);
        assertThat(l.sign()).isEqualTo(AuthType.LMS);
        assertThat(l.lms()).contains(new LmsParameters(2, 5, 8));
        assertThat(l.signatureSize()).isEqualTo(2644);
        assertThat(l.headerSize()).isEqualTo(8192);
        assertThat(l.entryPoint()).isEqualTo(0x08062000L);
        assertThat(l.maxFirmwareSize()).isEqualTo(0xA0000L - 8192 - 2 * 0x2000);
        assertCommonH5(l);
    }

    @Test
    void eccExample() throws Exception {
        PartitionLayout l = WolfBootConfig.read(ExampleConfigs.path(ExampleConfigs.ECC)).layout();
        assertThat(l.sign()).isEqualTo(AuthType.ECC256);
        assertThat(l.lms()).isEmpty();
        assertThat(l.signatureSize()).isEqualTo(64);
        assertThat(l.headerSize()).isEqualTo(1024);
        assertThat(l.entryPoint()).isEqualTo(0x08060400L);
        assertThat(l.maxFirmwareSize()).isEqualTo(0xA0000L - 1024 - 2 * 0x2000);
        assertCommonH5(l);
    }

    @Test
    void eccExampleDiffersFromLmsOnlyInSigning() {
        String lms = ExampleConfigs.lms();
        String ecc = ExampleConfigs.ecc();
        List<String> lmsLines = lms.lines().skip(1).filter(s -> !s.startsWith("LMS_")
                && !s.startsWith("IMAGE_")).map(s -> s.replace("SIGN?=LMS", "SIGN?=ECC256")).toList();
        List<String> eccLines = ecc.lines().skip(1).filter(s -> !s.startsWith("IMAGE_")).toList();
        assertThat(eccLines).isEqualTo(lmsLines);
        assertThat(ecc).contains("\nIMAGE_HEADER_SIZE?=1024\n").doesNotContain("IMAGE_SIGNATURE_SIZE");
        assertThat(lms.lines().findFirst().orElseThrow()).startsWith("# From wolfBoot v2.9.0");
    }

    private static void assertCommonH5(PartitionLayout l) {
        assertThat(l.target()).isEqualTo("stm32h5");
        assertThat(l.flash()).contains(FlashGeometry.STM32H5);
        assertThat(l.hash()).isEqualTo(HashAlgorithm.SHA256);
        assertThat(l.partitionSize()).isEqualTo(0xA0000L);
        assertThat(l.sectorSize()).isEqualTo(0x2000L);
        assertThat(l.trustZone()).isTrue();
        assertThat(l.dualBankSwap()).isTrue();
        assertThat(l.writeOnce()).isTrue();
        assertThat(l.allowDowngrade()).isFalse();
        assertThat(l.otpKeystore()).isTrue();

        assertThat(l.boot()).isEqualTo(new Partition("boot", "WOLFBOOT_PARTITION_BOOT_ADDRESS",
                0x08060000L, 0xA0000L, 0x08060000L, 0x0C060000L));
        assertThat(l.boot().configuredSecure()).isFalse();
        assertThat(l.update()).isEqualTo(new Partition("update", "WOLFBOOT_PARTITION_UPDATE_ADDRESS",
                0x0C160000L, 0xA0000L, 0x08160000L, 0x0C160000L));
        assertThat(l.update().configuredSecure()).isTrue();
        assertThat(l.swap()).isEmpty();
        assertThat(l.keyvault()).contains(new Region(0x0C040000L, 0x1C000L));
        assertThat(l.nsc()).contains(new Region(0x0C05C000L, 0x4000L));

        assertThat(l.flashBase()).isEqualTo(0x08000000L);
        assertThat(l.wolfBootArea()).isEqualTo(new Region(0x0C000000L, 0x60000L));
        assertThat(l.bootloaderSize()).isEqualTo(0x60000L);
        assertThat(l.lastWolfBootSector()).isEqualTo(0x2F);
        assertThat(l.toSecure(0x08060000L)).isEqualTo(0x0C060000L);
        assertThat(l.toNonSecure(0x0C160000L)).isEqualTo(0x08160000L);

        Trailer boot = l.bootTrailer();
        assertThat(boot.end()).isEqualTo(0x08100000L);
        assertThat(boot.magicAddress()).isEqualTo(0x080FFFFCL);
        assertThat(boot.stateAddress()).isEqualTo(0x080FFFFBL);
        assertThat(boot.sectorFlagsAddress()).isEqualTo(0x080FFFFAL);
        assertThat(boot.sectorFlagAddress(0)).isEqualTo(0x080FFFFAL);
        assertThat(boot.sectorFlagAddress(1)).isEqualTo(0x080FFFFAL);
        assertThat(boot.sectorFlagAddress(79)).isEqualTo(0x080FFFFAL - 39);
        assertThat(boot.sectorFlagBytes()).isEqualTo(40);
        assertThat(boot.trailerSectors()).containsExactly(0x080FE000L, 0x080FC000L);
        assertThat(boot.magicAddress() - l.boot().address()).isEqualTo(0x9FFFCL);
        assertThat(boot.stateAddress() - l.boot().address()).isEqualTo(0x9FFFBL);

        Trailer update = l.updateTrailer();
        assertThat(update.end()).isEqualTo(0x0C200000L);
        assertThat(update.magicAddress()).isEqualTo(0x0C1FFFFCL);
        assertThat(update.stateAddress()).isEqualTo(0x0C1FFFFBL);
        assertThat(update.trailerSectors()).containsExactly(0x0C1FE000L, 0x0C1FC000L);
        assertThat(l.trailerSectorCount()).isEqualTo(2);
        assertThat(l.maxSignedImageSize()).isEqualTo(0xA0000L - 0x4000L);

        assertThat(SecureWatermarks.required(l, 1)).isEqualTo(new SecureWatermark(1, 0, 0x2F));
        assertThat(SecureWatermarks.required(l, 2)).isEqualTo(new SecureWatermark(2, 0, 0x7F));
    }
}
