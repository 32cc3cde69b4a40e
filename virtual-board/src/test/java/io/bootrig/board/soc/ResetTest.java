package io.bootrig.board.soc;

import static io.bootrig.board.soc.FlashRegisters.*;
import static io.bootrig.board.soc.FlashScript.NS;
import static io.bootrig.board.soc.FlashScript.S;
import static org.assertj.core.api.Assertions.assertThat;

import io.bootrig.board.bus.BusFault;
import io.bootrig.board.bus.ResetLine;
import org.junit.jupiter.api.Test;

class ResetTest {
    private final Stm32h563 soc = Stm32h563.inMemory();
    private final DebugProbe probe = DebugProbe.secure(soc);
    private final FlashScript flash = new FlashScript(probe, false);

    @Test
    void systemResetRestoresVolatileRegistersAndKeepsFlashAndOtp() throws BusFault {
        flash.programQuadWord(0x0800_0000L, 1, 2, 3, 4);
        flash.programOtp(0x08FF_F000L, 0x4F57);
        probe.mww(0x0800_0010L, 0); // locked write: PGSERR
        flash.unlock();
        probe.mww(NS + NSCR, CR_PG);
        probe.mww(0x0800_0020L, 0); // partial quad-word
        flash.unlockOptions();
        probe.mdh(0x08FF_F002L); // blank OTP: ECCD
        assertThat(flash.status()).isEqualTo(SR_EOP | SR_PGSERR | SR_WBNE);

        ResetLine line = soc;
        line.systemReset("SYSRESETREQ");

        assertThat(flash.status()).isZero();
        assertThat(probe.mdw(NS + NSCR)).isEqualTo(CR_LOCK);
        assertThat(probe.mdw(NS + OPTCR)).isEqualTo(OPTCR_OPTLOCK);
        assertThat(probe.mdw(NS + ECCDETR)).isZero();
        assertThat(probe.mdw(0x0800_0000L)).isEqualTo(1);
        assertThat(probe.mdw(0x0800_0020L)).as("the partial quad-word was lost").isEqualTo(0xFFFF_FFFFL);
        assertThat(probe.mdh(0x08FF_F000L)).isEqualTo(0x4F57);
    }

    @Test
    void factoryBootAddressIsTheNonSecureFlashBase() {
        assertThat(soc.bootVectorTable()).isEqualTo(0x0800_0000L);
    }

    @Test
    void withTrustZoneTheCoreBootsFromSecbootadd() throws BusFault {
        flash.optionWrite(NS, OPTSR2_PRG, 0xB400_0000, 0xFF00_0000);
        soc.systemReset("TZEN");
        assertThat(soc.bootVectorTable()).isEqualTo(0x0C00_0000L);

        flash.optionWrite(S, SECBOOTR_PRG, 0x0C01_00C3, 0xFFFF_FFFF);
        soc.systemReset("reset");
        assertThat(soc.bootVectorTable()).isEqualTo(0x0C01_0000L);
    }

    @Test
    void theEffectOfOptionBytesAfterReset() throws BusFault {
        // the wolfBoot provisioning order: TZEN, reset, watermarks, swap
        flash.optionWrite(NS, OPTSR2_PRG, 0xB400_0000, 0xFF00_0000);
        soc.systemReset("TZEN");
        flash.optionWrite(S, SECWM1R_PRG, 0x002F_0000, 0xFFFF_FFFF);
        flash.optionWrite(S, SECWM2R_PRG, 0x0000_0001, 0xFFFF_FFFF);
        flash.optionWrite(NS, OPTSR_PRG, 0x8000_0000, 0x8000_0000);
        soc.systemReset("SYSRESETREQ");

        OptionByteValues values = soc.optionBytes();
        assertThat(values.trustZoneEnabled()).isTrue();
        assertThat(values.secureWatermarkStart(1)).isZero();
        assertThat(values.secureWatermarkEnd(1)).isEqualTo(0x2F);
        assertThat(values.inSecureWatermark(2, 0)).isFalse();
        assertThat(values.swapBank()).isTrue();
        assertThat(soc.banksSwapped()).isTrue();
        assertThat(soc.trustZoneEnabled()).isTrue();
        assertThat(probe.mdw(NS + OPTSR_CUR) >>> 31).isEqualTo(1);
        assertThat(probe.mdw(NS + OPTCR) >>> 31).isEqualTo(1);
        // swapped: physical bank 1 (watermark 0..0x2F) now at 0x08100000
        assertThat(DebugProbe.nonSecure(soc).mdw(0x0800_0000L)).isEqualTo(0xFFFF_FFFFL);
        assertThat(probe.mdw(0x0C10_0000L)).isEqualTo(0xFFFF_FFFFL);
    }

    @Test
    void powerOnIsASystemResetToo() throws BusFault {
        flash.optionWrite(NS, OPTSR_PRG, 0x8000_0000, 0x8000_0000);
        soc.powerOn();
        assertThat(soc.banksSwapped()).isTrue();
    }
}
