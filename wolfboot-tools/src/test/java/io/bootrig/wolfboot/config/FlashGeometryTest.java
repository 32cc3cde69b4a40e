package io.bootrig.wolfboot.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlashGeometryTest {
    private static final FlashGeometry H5 = FlashGeometry.STM32H5;

    @Test
    void knowsOnlyTheStm32h5() {
        assertThat(FlashGeometry.forTarget("stm32h5")).contains(H5);
        assertThat(FlashGeometry.forTarget("STM32H5")).contains(H5);
        assertThat(FlashGeometry.forTarget("stm32h7")).isEmpty();
    }

    @Test
    void secureAliasIsBit26OfFlashAddressesOnly() {
        assertThat(H5.toNonSecure(0x0C000000L)).isEqualTo(0x08000000L);
        assertThat(H5.toNonSecure(0x0C1FFFFFL)).isEqualTo(0x081FFFFFL);
        assertThat(H5.toNonSecure(0x0C200000L)).isEqualTo(0x0C200000L);
        assertThat(H5.toSecure(0x08160000L)).isEqualTo(0x0C160000L);
        assertThat(H5.toSecure(0x0C160000L)).isEqualTo(0x0C160000L);
        assertThat(H5.toSecure(0x08FFF000L)).isEqualTo(0x08FFF000L);
        assertThat(H5.isSecureAlias(0x0C060000L)).isTrue();
        assertThat(H5.isSecureAlias(0x08060000L)).isFalse();
        assertThat(H5.isFlash(0x0C1FFFFFL)).isTrue();
        assertThat(H5.isFlash(0x08200000L)).isFalse();
        assertThat(H5.isFlash(0x07FFFFFFL)).isFalse();
    }

    @Test
    void twoBanksOfOneMegabyte() {
        assertThat(H5.banks()).isEqualTo(2);
        assertThat(H5.bankBase(2)).isEqualTo(0x08100000L);
        assertThat(H5.bankOf(0x080FFFFFL)).isEqualTo(1);
        assertThat(H5.bankOf(0x08100000L)).isEqualTo(2);
        assertThat(H5.end()).isEqualTo(0x08200000L);
        assertThat(H5.secureBase()).isEqualTo(0x0C000000L);
    }
}
