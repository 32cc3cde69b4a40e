package io.bootrig.wolfboot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartitionLayoutMapTest {

    @Test
    void mapHoldsOnlyPlainValues() throws Exception {
        Map<String, Object> m = WolfBootConfig.read(ExampleConfigs.path(ExampleConfigs.LMS)).layout().toMap();
        assertPlain(m);
        assertThat(m).containsEntry("target", "stm32h5").containsEntry("sign", "LMS").containsEntry("hash", "SHA256")
                .containsEntry("signatureSize", 2644).containsEntry("headerSize", 8192)
                .containsEntry("sectorSize", 0x2000L).containsEntry("partitionSize", 0xA0000L)
                .containsEntry("trustZone", true).containsEntry("dualBankSwap", true)
                .containsEntry("nvmFlashWriteOnce", true).containsEntry("allowDowngrade", false)
                .containsEntry("flashOtpKeystore", true).containsEntry("entryPoint", 0x08062000L)
                .containsEntry("flashBase", 0x08000000L).containsEntry("flashSize", 0x200000L)
                .containsEntry("maxFirmwareSize", 0xA0000L - 8192 - 0x4000)
                .doesNotContainKey("swap");
        assertThat(m.get("lms")).isEqualTo(Map.of("levels", 2, "height", 5, "winternitz", 8, "label", "L2-H5-W8"));
        assertThat(m.get("wolfBoot")).isEqualTo(Map.of("address", 0x0C000000L, "size", 0x60000L, "lastSector", 0x2FL));
        assertThat(m.get("keyvault")).isEqualTo(Map.of("address", 0x0C040000L, "nonSecureAddress", 0x08040000L,
                "size", 0x1C000L));
        @SuppressWarnings("unchecked")
        Map<String, Object> update = (Map<String, Object>) m.get("update");
        assertThat(update).containsEntry("address", 0x0C160000L).containsEntry("nonSecureAddress", 0x08160000L)
                .containsEntry("addressKey", "WOLFBOOT_PARTITION_UPDATE_ADDRESS");
        assertThat(update.get("trailer")).isEqualTo(Map.of("magicAddress", 0x0C1FFFFCL, "stateAddress", 0x0C1FFFFBL,
                "sectorFlagsAddress", 0x0C1FFFFAL, "sectorFlagBytes", 40L,
                "sectors", List.of(0x0C1FE000L, 0x0C1FC000L)));
        assertThat(m.get("secureWatermarks")).isEqualTo(List.of(
                Map.of("bank", 1, "start", 0, "end", 0x2F, "empty", false),
                Map.of("bank", 2, "start", 0, "end", 0x7F, "empty", false)));
    }

    @Test
    void eccMapHasNoLmsAndASwapWhenConfigured() throws Exception {
        String text = ExampleConfigs.with(ExampleConfigs.with(ExampleConfigs.ecc(), "DUALBANK_SWAP", "0"),
                "WOLFBOOT_PARTITION_SWAP_ADDRESS", "0x0C158000");
        Map<String, Object> m = ExampleConfigs.layout(text).toMap();
        assertPlain(m);
        assertThat(m).doesNotContainKey("lms").containsEntry("sign", "ECC256");
        assertThat(m.get("swap")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("address", 0x0C158000L).containsEntry("size", 0x2000L).doesNotContainKey("trailer");
    }

    private static void assertPlain(Object v) {
        if (v instanceof Map<?, ?> map) {
            map.forEach((k, x) -> {
                assertThat(k).isInstanceOf(String.class);
                assertPlain(x);
            });
        } else if (v instanceof List<?> list) {
            list.forEach(PartitionLayoutMapTest::assertPlain);
        } else {
            assertThat(v).isInstanceOfAny(String.class, Long.class, Integer.class, Boolean.class);
        }
    }
}
