package io.bootrig.board.soc;

import static io.bootrig.board.soc.FlashRegisters.*;
import static io.bootrig.board.soc.FlashScript.NS;
import static io.bootrig.board.soc.FlashScript.S;
import static org.assertj.core.api.Assertions.assertThat;

import io.bootrig.board.bus.BusFault;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OtpTest {
    private static final long OTP = 0x08FF_F000L;
    private final Stm32h563 soc = Stm32h563.inMemory();
    private final DebugProbe probe = DebugProbe.secure(soc);
    private final FlashScript flash = new FlashScript(probe, false);
    private final List<FlashEvent> events = new ArrayList<>();

    OtpTest() {
        soc.addFlashListener(events::add);
    }

    @Test
    void halfWordsAreProgrammedAndReadBack() throws BusFault {
        // "WOLFBOOT" as wolfBoot writes it: two half-words per PG period
        flash.unlock();
        probe.mww(NS + NSCR, CR_PG);
        probe.mwh(OTP, 0x4F57);
        probe.mwh(OTP + 2, 0x464C);
        assertThat(flash.status()).isEqualTo(SR_EOP);
        probe.mww(NS + NSCR, 0);

        assertThat(probe.mdh(OTP)).isEqualTo(0x4F57);
        assertThat(probe.mdw(OTP)).isEqualTo(0x464C_4F57L);
        assertThat(probe.mdb(OTP + 3)).isEqualTo(0x46);
        assertThat(soc.readOtp(0, 4)).containsExactly('W', 'O', 'L', 'F');
        assertThat(soc.isOtpProgrammed(2)).isTrue();
        assertThat(soc.isOtpProgrammed(4)).isFalse();
        assertThat(events).containsExactly(new FlashEvent.OtpProgrammed(0, 0x4F57), new FlashEvent.OtpProgrammed(2, 0x464C));
    }

    @Test
    void aHalfWordIsWrittenOnce() throws BusFault {
        assertThat(flash.programOtp(OTP + 0x10, 0x1234)).isEqualTo(SR_EOP);
        flash.clearErrors();
        probe.mww(NS + NSCCR, SR_EOP);

        assertThat(flash.programOtp(OTP + 0x10, 0x0000)).isEqualTo(SR_STRBERR);
        assertThat(probe.mdh(OTP + 0x10)).isEqualTo(0x1234);
        flash.clearErrors();
        assertThat(flash.programOtp(OTP + 0x10, 0x1234)).as("even with the same value").isEqualTo(SR_STRBERR);
    }

    @Test
    void writingFfffStillSpendsTheHalfWord() throws BusFault {
        flash.programOtp(OTP + 0x20, 0xFFFF);
        flash.clearErrors();
        assertThat(flash.programOtp(OTP + 0x20, 0x0001)).isEqualTo(SR_STRBERR);
    }

    @Test
    void otpTakesHalfWordsOnly() throws BusFault {
        flash.unlock();
        probe.mww(NS + NSCR, CR_PG);
        probe.mww(OTP, 0x1111_2222L);
        assertThat(flash.status()).isEqualTo(SR_PGSERR);
        probe.mwb(OTP + 4, 0x33);
        assertThat(flash.status()).isEqualTo(SR_PGSERR);
        assertThat(soc.readOtp(0, 8)).containsOnly(0xFF);
    }

    @Test
    void anOtpWriteWhileAQuadWordIsPendingRaisesIncerr() throws BusFault {
        flash.unlock();
        probe.mww(NS + NSCR, CR_PG);
        probe.mww(0x0800_0000L, 0);
        probe.mwh(OTP, 0x1234);
        assertThat(flash.status()).isEqualTo(SR_INCERR);
        assertThat(soc.isOtpProgrammed(0)).isFalse();
        assertThat(soc.readFlash(0x0800_0000L, 4)).containsOnly(0xFF);
    }

    @Test
    void otpWriteWithoutPgRaisesPgserr() throws BusFault {
        flash.unlock();
        probe.mwh(OTP, 0x1234);
        assertThat(flash.status()).isEqualTo(SR_PGSERR);
        assertThat(soc.isOtpProgrammed(0)).isFalse();
    }

    @Test
    void lockedBlocksRejectWritesWithWrperr() throws BusFault {
        assertThat(flash.programOtp(OTP + 0x40, 0xAAAA)).isEqualTo(SR_EOP);

        // block 1 (0x40..0x7F) and block 31 (0x7C0..0x7FF) locked through OTPBLR_PRG + OPTSTRT
        flash.optionWrite(NS, OTPBLR_PRG, (1 << 1) | (1 << 31), 0xFFFF_FFFF);
        assertThat(probe.mdw(NS + OTPBLR_CUR)).isEqualTo(0x8000_0002L);
        flash.clearErrors();
        probe.mww(NS + NSCCR, SR_EOP);

        assertThat(flash.programOtp(OTP + 0x42, 0xBBBB)).isEqualTo(SR_WRPERR);
        assertThat(flash.programOtp(OTP + 0x7C0, 0xCCCC) & SR_WRPERR).isEqualTo(SR_WRPERR);
        assertThat(soc.isOtpProgrammed(0x42)).isFalse();
        assertThat(probe.mdh(OTP + 0x40)).isEqualTo(0xAAAA);
        flash.clearErrors();
        assertThat(flash.programOtp(OTP + 0x80, 0xDDDD)).as("block 2 is open").isEqualTo(SR_EOP);
    }

    @Test
    void aLockedBlockCannotBeUnlocked() throws BusFault {
        flash.optionWrite(OTPBLR_PRG, 1);
        long status = flash.optionWrite(OTPBLR_PRG, 0);
        assertThat(status & SR_OPTCHANGEERR).isEqualTo(SR_OPTCHANGEERR);
        assertThat(probe.mdw(NS + OTPBLR_CUR)).isEqualTo(1);
        soc.systemReset("test");
        assertThat(probe.mdw(NS + OTPBLR_CUR)).isEqualTo(1);
        assertThat(probe.mdw(NS + OTPBLR_PRG)).isEqualTo(1);
    }

    @Test
    void readingABlankHalfWordRecordsADoubleEccErrorUntilCleared() throws BusFault {
        flash.programOtp(OTP, 0x4F57);
        assertThat(probe.mdh(OTP)).isEqualTo(0x4F57);
        assertThat(soc.flashDoubleEccErrorPending()).isFalse();

        assertThat(probe.mdh(OTP + 0x7E2)).isEqualTo(0xFFFF);
        assertThat(probe.mdw(NS + ECCDETR)).isEqualTo((ECC_ECCD | ECC_OTP_ECC | (0x7E2 / 2)) & 0xFFFF_FFFFL);
        assertThat(probe.mdw(NS + ECCDR)).isEqualTo(0xFFFF);
        assertThat(soc.flashDoubleEccErrorPending()).isTrue();

        probe.mdh(OTP + 0x10);
        assertThat(probe.mdw(NS + ECCDETR) & ECC_ADDR_MASK).as("only the first error is kept").isEqualTo(0x7E2 / 2);

        probe.mww(NS + ECCDETR, ECC_ECCD & 0xFFFF_FFFFL);
        assertThat(probe.mdw(NS + ECCDETR)).isZero();
        assertThat(soc.flashDoubleEccErrorPending()).isFalse();
    }

    @Test
    void otpHasNoSecureAlias() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> probe.mdh(0x0CFF_F000L))).isInstanceOf(BusFault.class);
    }
}
