package io.bootrig.board.soc;

import static io.bootrig.board.soc.FlashRegisters.*;
import static io.bootrig.board.soc.FlashScript.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.bootrig.board.bus.BusAccess;
import io.bootrig.board.bus.BusFault;
import io.bootrig.board.bus.SystemBus;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MemoryMapTest {
    private static final byte[] UID = "0123456789AB".getBytes(StandardCharsets.US_ASCII);
    private final Stm32h563 soc = newSoc();
    private final DebugProbe probe = DebugProbe.secure(soc);

    private static Stm32h563 newSoc() {
        try {
            return Stm32h563.builder().uniqueId(UID).build();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0x0000_0000L, 0x0820_0000L, 0x08FF_EFFCL, 0x08FF_F810L, 0x0BF8_0000L, 0x0900_0000L,
            0x200A_0000L, 0x300A_0000L, 0x4002_1FFCL, 0x4002_2400L, 0x4400_054CL, 0x4402_5000L, 0x5402_4000L,
            0xE000_ED00L, 0xE004_4000L, 0xFFFF_FFFCL})
    void unmappedAddressesFault(long address) {
        assertThat(catchThrowable(() -> probe.mdw(address))).isInstanceOf(BusFault.class)
                .hasMessageContaining(String.format("0x%08X", address));
        assertThat(catchThrowable(() -> probe.mww(address, 0))).isInstanceOf(BusFault.class);
    }

    @Test
    void accessesMustBeAlignedAndOfSize124() {
        assertThat(catchThrowable(() -> probe.mdw(0x2000_0002L))).isInstanceOf(BusFault.class).hasMessageContaining("aligned");
        assertThat(catchThrowable(() -> probe.mdh(0x2000_0001L))).isInstanceOf(BusFault.class);
        assertThat(catchThrowable(() -> soc.read(0x2000_0000L, 8, BusAccess.debugSecure("AP1")))).isInstanceOf(BusFault.class);
    }

    @Test
    void aRegionEndIsExact() throws BusFault {
        assertThat(probe.mdw(0x081F_FFFCL)).isEqualTo(0xFFFF_FFFFL);
        assertThat(probe.mdw(0x2009_FFFCL)).isZero();
        assertThat(catchThrowable(() -> probe.mdw(0x0820_0000L))).isInstanceOf(BusFault.class);
    }

    @Test
    void erasedFlashReadsOnes() throws BusFault {
        assertThat(probe.mdw(0x0800_0000L)).isEqualTo(0xFFFF_FFFFL);
        assertThat(probe.mdb(0x0810_0001L)).isEqualTo(0xFF);
        assertThat(probe.mdw(0x08FF_F7FCL)).as("blank OTP").isEqualTo(0xFFFF_FFFFL);
    }

    @Test
    void deviceIdentification() throws BusFault {
        assertThat(probe.mdw(0x08FF_F800L)).isEqualTo(0x3332_3130L);
        assertThat(probe.mdw(0x08FF_F808L)).isEqualTo(0x4241_3938L);
        assertThat(probe.mdh(0x08FF_F80CL)).as("flash size in KB").isEqualTo(0x0800);
        assertThat(probe.mdh(0x08FF_F80EL)).as("package LQFP144").isEqualTo(0x0004);
        assertThat(soc.uniqueId()).isEqualTo(UID);
        assertThat(catchThrowable(() -> probe.mww(0x08FF_F800L, 0))).isInstanceOf(BusFault.class)
                .hasMessageContaining("read-only");
    }

    @Test
    void dbgmcuIdcodeOnTheSystemBus() throws BusFault {
        assertThat(probe.mdw(0x4402_4000L)).isEqualTo(0x1000_6484L);
        assertThat(probe.mdw(0x4402_4000L) & 0xFFF).isEqualTo(0x484);
        assertThat(DebugProbe.nonSecure(soc).mdw(0x4402_4000L)).isEqualTo(0x1000_6484L);
        assertThat(probe.mdw(0x4402_40FCL)).isEqualTo(0x0003_0003L);
        assertThat(probe.mdw(0x4402_4FF0L)).isEqualTo(0x0D);
        assertThat(probe.mdw(0x4402_4FFCL)).isEqualTo(0xB1);
        assertThat(catchThrowable(() -> probe.mdh(0x4402_4000L))).isInstanceOf(BusFault.class);
        assertThat(catchThrowable(() -> probe.mdw(0x4402_4030L))).isInstanceOf(BusFault.class);
    }

    @Test
    void dbgmcuOnTheDebugBusAsAp0SeesIt() throws BusFault {
        SystemBus ap0 = soc.dbgmcuDebugBus();
        DebugProbe debug = DebugProbe.secure(ap0);
        assertThat(debug.mdw(0xE004_4000L)).isEqualTo(0x1000_6484L);

        // ST's examine-end: DBGMCU_CR |= DBG_STANDBY|DBG_STOP, APB1FZR1 |= WWDG|IWDG stop
        debug.mmw(0xE004_4004L, 0x6, 0);
        debug.mmw(0xE004_4008L, 0x1800, 0);
        assertThat(probe.mdw(0x4402_4004L)).isEqualTo(0x6);
        assertThat(probe.mdw(0x4402_4008L)).isEqualTo(0x1800);

        assertThat(Stm32h563.isDbgmcuDebugBusAddress(0xE004_4004L)).isTrue();
        assertThat(Stm32h563.isDbgmcuDebugBusAddress(0xE004_5000L)).isFalse();
        assertThat(catchThrowable(() -> debug.mdw(0xE004_5000L))).isInstanceOf(BusFault.class);
        assertThat(catchThrowable(() -> debug.mdw(0x4402_4000L))).isInstanceOf(BusFault.class);
    }

    @Test
    void dbgmcuSurvivesASystemResetButNotPowerOn() throws BusFault {
        probe.mww(0x4402_4004L, 0x6);
        soc.systemReset("SYSRESETREQ");
        assertThat(probe.mdw(0x4402_4004L)).isEqualTo(0x6);
        soc.powerOn();
        assertThat(probe.mdw(0x4402_4004L)).isZero();
    }

    @Test
    void sramAliasesShareCellsAndSurviveASystemReset() throws BusFault {
        probe.mww(0x2000_0000L, 0x1122_3344L);
        probe.mwb(0x2009_FFFFL, 0xAB);
        assertThat(probe.mdh(0x2000_0002L)).isEqualTo(0x1122);
        assertThat(probe.mdb(0x2009_FFFFL)).isEqualTo(0xAB);

        soc.systemReset("test");
        assertThat(probe.mdw(0x2000_0000L)).isEqualTo(0x1122_3344L);
        soc.powerOn();
        assertThat(probe.mdw(0x2000_0000L)).isZero();
    }

    @Test
    void sramSecureAliasIsTheSameMemoryOnceTrustZoneIsOn() throws BusFault {
        new FlashScript(probe, false).optionWrite(NS, OPTSR2_PRG, 0xB400_0000, 0xFF00_0000);
        soc.systemReset("TZEN");
        probe.mww(0x2004_0000L, 0x5555_AAAAL);
        assertThat(probe.mdw(0x3004_0000L)).isEqualTo(0x5555_AAAAL);
    }

    @Test
    void flashRegistersTakeWordsOnlyAndFaultOnHolesAndOnUnmodelledObk() {
        assertThat(catchThrowable(() -> probe.mdh(NS + NSSR))).isInstanceOf(BusFault.class).hasMessageContaining("32-bit");
        assertThat(catchThrowable(() -> probe.mdw(NS + 0x038))).isInstanceOf(BusFault.class)
                .hasMessageContaining("no FLASH register");
        assertThat(catchThrowable(() -> probe.mdw(NS + NSOBKCFGR))).isInstanceOf(BusFault.class)
                .hasMessageContaining("OBK");
        assertThat(catchThrowable(() -> probe.mdw(NS + 0x200))).isInstanceOf(BusFault.class);
    }

    @Test
    void registersThatOnlyStoreValues() throws BusFault {
        probe.mww(NS + ACR, 0x35);
        assertThat(probe.mdw(NS + ACR)).isEqualTo(0x35);
        probe.mww(NS + PRIVCFGR, 0x3);
        assertThat(probe.mdw(NS + PRIVCFGR)).isEqualTo(0x3);
        probe.mww(NS + PRIVBB1R1 + 0x8, 0xF0);
        assertThat(probe.mdw(NS + PRIVBB1R1 + 0x8)).isEqualTo(0xF0);
        probe.mww(NS + HDPEXTR, 0x0003_0002);
        assertThat(probe.mdw(NS + HDPEXTR)).isEqualTo(0x0003_0002);
        assertThat(probe.mdw(NS + OPSR)).isZero();
        soc.systemReset("test");
        assertThat(probe.mdw(NS + ACR)).isEqualTo(0x13);
        assertThat(probe.mdw(NS + PRIVCFGR)).isZero();
        assertThat(probe.mdw(NS + PRIVBB1R1 + 0x8)).isZero();
    }

    @Test
    void accessesAfterCloseAreRefused() {
        soc.close();
        assertThat(catchThrowable(() -> probe.mdw(0x0800_0000L))).isInstanceOf(IllegalStateException.class);
    }
}
