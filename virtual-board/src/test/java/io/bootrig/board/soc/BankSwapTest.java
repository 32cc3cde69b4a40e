package io.bootrig.board.soc;

import static io.bootrig.board.soc.FlashRegisters.*;
import static io.bootrig.board.soc.FlashScript.NS;
import static io.bootrig.board.soc.FlashScript.S;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.bootrig.board.bus.BusFault;
import org.junit.jupiter.api.Test;

class BankSwapTest {
    private final Stm32h563 soc = Stm32h563.inMemory();
    private final DebugProbe probe = DebugProbe.secure(soc);
    private final FlashScript flash = new FlashScript(probe, false);

    private void swapAndReset() throws BusFault {
        flash.optionWrite(NS, OPTSR_PRG, 0x8000_0000, 0x8000_0000);
        soc.systemReset("swap");
    }

    @Test
    void swapBankExchangesWhichPhysicalBankAppearsAt0x08000000() throws BusFault {
        flash.programQuadWord(0x0800_0000L, 0xB1, 0, 0, 0);
        flash.programQuadWord(0x0810_0000L, 0xB2, 0, 0, 0);

        swapAndReset();

        assertThat(probe.mdw(0x0800_0000L)).isEqualTo(0xB2);
        assertThat(probe.mdw(0x0810_0000L)).isEqualTo(0xB1);
        assertThat(soc.readFlash(0x0800_0000L, 1)).containsExactly(0xB2);
        assertThat(soc.readFlashBank(1, 0, 1)).containsExactly(0xB1);
    }

    @Test
    void programmingFollowsTheMapping() throws BusFault {
        swapAndReset();
        flash.programQuadWord(0x0800_4000L, 0x22, 0, 0, 0);
        assertThat(soc.readFlashBank(2, 0x4000, 1)).containsExactly(0x22);
        assertThat(soc.readFlashBank(1, 0x4000, 1)).containsExactly(0xFF);
    }

    @Test
    void bkselNamesThePhysicalBankSoASwappedAddressNeedsItInverted() throws BusFault {
        flash.programQuadWord(0x0800_0000L, 0xB1, 0, 0, 0);
        flash.programQuadWord(0x0810_0000L, 0xB2, 0, 0, 0);
        swapAndReset();
        flash.clearErrors();

        // 0x08000000 now shows physical bank 2: erasing it takes BKSEL=1 (wolfBoot inverts BKSEL when swapped)
        assertThat(flash.eraseSector(2, 0)).isEqualTo(SR_EOP);
        assertThat(probe.mdw(0x0800_0000L)).isEqualTo(0xFFFF_FFFFL);
        assertThat(probe.mdw(0x0810_0000L)).isEqualTo(0xB1);

        flash.clearErrors();
        assertThat(flash.eraseSector(1, 0)).isEqualTo(SR_EOP);
        assertThat(probe.mdw(0x0810_0000L)).isEqualTo(0xFFFF_FFFFL);
    }

    @Test
    void bankEraseAlsoNamesThePhysicalBank() throws BusFault {
        flash.programQuadWord(0x0800_0000L, 0xB1, 0, 0, 0);
        swapAndReset();
        flash.eraseBank(2);
        assertThat(probe.mdw(0x0810_0000L)).as("physical bank 1, untouched").isEqualTo(0xB1);
        flash.eraseBank(1);
        assertThat(probe.mdw(0x0810_0000L)).isEqualTo(0xFFFF_FFFFL);
    }

    @Test
    void swappingBackRestoresTheMapping() throws BusFault {
        flash.programQuadWord(0x0800_0000L, 0xB1, 0, 0, 0);
        swapAndReset();
        flash.optionWrite(NS, OPTSR_PRG, 0, 0x8000_0000);
        assertThat(probe.mdw(0x0810_0000L)).as("still swapped until reset").isEqualTo(0xB1);
        soc.systemReset("unswap");
        assertThat(probe.mdw(0x0800_0000L)).isEqualTo(0xB1);
        assertThat(probe.mdw(NS + OPTCR) >>> 31).isZero();
    }

    @Test
    void watermarksBelongToPhysicalBanks() throws BusFault {
        flash.optionWrite(NS, OPTSR2_PRG, 0xB400_0000, 0xFF00_0000);
        soc.systemReset("TZEN");
        // the wolfBoot layout, not swapped: bank 1 sectors 0..0x2F secure, bank 2 entirely secure
        flash.optionWrite(S, SECWM1R_PRG, 0x002F_0000, 0xFFFF_FFFF);
        flash.optionWrite(S, SECWM2R_PRG, 0x007F_0000, 0xFFFF_FFFF);
        DebugProbe nonSecure = DebugProbe.nonSecure(soc);
        assertThat(nonSecure.mdw(0x0806_0000L)).isEqualTo(0xFFFF_FFFFL);

        swapAndReset();

        // 0x08060000 is now physical bank 2 sector 0x30: secure
        assertThat(catchThrowable(() -> nonSecure.mdw(0x0806_0000L))).isInstanceOf(BusFault.class)
                .hasMessageContaining("bank 2 sector 48 is secure");
        assertThat(nonSecure.mdw(0x0816_0000L)).as("physical bank 1 sector 0x30").isEqualTo(0xFFFF_FFFFL);
    }
}
