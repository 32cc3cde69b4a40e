package io.bootrig.board.soc;

import static io.bootrig.board.soc.FlashRegisters.*;
import static io.bootrig.board.soc.FlashScript.NS;
import static io.bootrig.board.soc.FlashScript.S;
import static org.assertj.core.api.Assertions.assertThat;

import io.bootrig.board.bus.BusFault;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlashEraseTest {
    private final Stm32h563 soc = Stm32h563.inMemory();
    private final DebugProbe probe = DebugProbe.secure(soc);
    private final FlashScript flash = new FlashScript(probe, false);
    private final List<FlashEvent> events = new ArrayList<>();

    FlashEraseTest() {
        soc.addFlashListener(events::add);
    }

    /** Programs the first quad-word of every given sector of bank 1 (0x0800..) or bank 2 (0x0810..). */
    private void programSectors(int bank, int... sectors) throws BusFault {
        for (int sector : sectors) {
            long address = 0x0800_0000L + (bank - 1) * 0x10_0000L + sector * 0x2000L;
            assertThat(flash.programQuadWord(address, bank, sector, 0, 0) & SR_EOP).isEqualTo(SR_EOP);
        }
        flash.clearErrors();
        probe.mww(NS + NSCCR, SR_EOP);
    }

    @Test
    void sectorEraseInBank1ErasesThatSectorOnly() throws BusFault {
        programSectors(1, 4, 5);
        events.clear();

        assertThat(flash.eraseSector(1, 4)).isEqualTo(SR_EOP);

        assertThat(probe.mdw(0x0800_8000L)).isEqualTo(0xFFFF_FFFFL);
        assertThat(probe.mdw(0x0800_A000L)).isEqualTo(1);
        assertThat(events).containsExactly(new FlashEvent.SectorErased(1, 4, false));
        assertThat(probe.mdw(NS + NSCR) & CR_STRT).as("STRT is cleared by hardware").isZero();
    }

    @Test
    void sectorEraseInBank2UsesBksel() throws BusFault {
        programSectors(1, 7);
        programSectors(2, 7);

        assertThat(flash.eraseSector(2, 7)).isEqualTo(SR_EOP);

        assertThat(probe.mdw(0x0810_E000L)).isEqualTo(0xFFFF_FFFFL);
        assertThat(probe.mdw(0x0800_E000L)).isEqualTo(1);
    }

    @Test
    void bankEraseErasesOneWholeBank() throws BusFault {
        programSectors(1, 0, 127);
        programSectors(2, 0, 127);
        events.clear();

        assertThat(flash.eraseBank(2)).isEqualTo(SR_EOP);

        assertThat(soc.readFlashBank(2, 0, FlashArray.BANK_SIZE)).containsOnly(0xFF);
        assertThat(probe.mdw(0x0800_0000L)).isEqualTo(1);
        assertThat(probe.mdw(0x080F_E000L)).isEqualTo(1);
        assertThat(events).containsExactly(new FlashEvent.BankErased(2, false));
    }

    @Test
    void massEraseErasesBothBanksAndKeepsOtpAndOptionBytes() throws BusFault {
        programSectors(1, 0, 64);
        programSectors(2, 3, 127);
        assertThat(flash.programOtp(0x08FF_F000L, 0x4F57)).isEqualTo(SR_EOP);
        flash.optionWrite(OTPBLR_PRG, 1);
        OptionByteValues optionsBefore = soc.optionBytes();
        flash.clearErrors();
        probe.mww(NS + NSCCR, SR_EOP);
        events.clear();

        assertThat(flash.massErase()).isEqualTo(SR_EOP);

        assertThat(soc.readFlash(0x0800_0000L, Stm32h563.FLASH_SIZE)).containsOnly(0xFF);
        assertThat(probe.mdh(0x08FF_F000L)).isEqualTo(0x4F57);
        assertThat(soc.readOtp(0, 2)).containsExactly(0x57, 0x4F);
        assertThat(soc.optionBytes()).isEqualTo(optionsBefore);
        assertThat(events).containsExactly(new FlashEvent.MassErased("MER in NSCR"));
    }

    @Test
    void merWithoutStrtErasesNothing() throws BusFault {
        programSectors(1, 0);
        flash.unlock();
        probe.mww(NS + NSCR, CR_MER);
        probe.mww(NS + NSCR, CR_LOCK);
        assertThat(probe.mdw(0x0800_0000L)).isEqualTo(1);
        assertThat(flash.status()).isZero();
    }

    @Test
    void twoEraseKindsAtOnceRaisePgserr() throws BusFault {
        programSectors(1, 0);
        flash.unlock();
        probe.mww(NS + NSCR, CR_SER | CR_BER | CR_STRT);
        assertThat(flash.status()).isEqualTo(SR_PGSERR);
        probe.mww(NS + NSCR, 0);
        flash.clearErrors();
        probe.mww(NS + NSCR, CR_MER | CR_SER | CR_STRT);
        assertThat(flash.status()).isEqualTo(SR_PGSERR);
        probe.mww(NS + NSCR, 0);
        flash.clearErrors();
        probe.mww(NS + NSCR, CR_PG | CR_SER | CR_STRT);
        assertThat(flash.status()).isEqualTo(SR_PGSERR);
        probe.mww(NS + NSCR, 0);
        flash.clearErrors();
        probe.mww(NS + NSCR, CR_STRT);
        assertThat(flash.status()).isEqualTo(SR_PGSERR);
        assertThat(probe.mdw(0x0800_0000L)).isEqualTo(1);
    }

    @Test
    void eraseWhileAQuadWordIsIncompleteRaisesPgserr() throws BusFault {
        programSectors(1, 0);
        flash.unlock();
        probe.mww(NS + NSCR, CR_PG);
        probe.mww(0x0800_2000L, 0);
        probe.mww(NS + NSCR, CR_PG | CR_SER | CR_STRT);
        assertThat(flash.status() & SR_PGSERR).isEqualTo(SR_PGSERR);
        assertThat(probe.mdw(0x0800_0000L)).isEqualTo(1);
    }

    @Test
    void eraseWhileLockedDoesNothing() throws BusFault {
        programSectors(1, 0);
        flash.lock();
        probe.mww(NS + NSCR, CR_SER | CR_STRT);
        assertThat(probe.mdw(0x0800_0000L)).isEqualTo(1);
        assertThat(flash.status()).isZero();
    }
}
