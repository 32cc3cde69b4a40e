package io.bootrig.board.soc;

import static io.bootrig.board.soc.FlashRegisters.*;
import static io.bootrig.board.soc.FlashScript.NS;
import static io.bootrig.board.soc.FlashScript.S;
import static org.assertj.core.api.Assertions.assertThat;

import io.bootrig.board.bus.BusFault;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionBytesTest {
    private final Stm32h563 soc = Stm32h563.inMemory();
    private final DebugProbe probe = DebugProbe.secure(soc);
    private final FlashScript flash = new FlashScript(probe, false);
    private final List<FlashEvent> events = new ArrayList<>();

    OptionBytesTest() {
        soc.addFlashListener(events::add);
    }

    @Test
    void factoryValues() throws BusFault {
        long optsr = probe.mdw(NS + OPTSR_CUR);
        assertThat((optsr >>> 8) & 0xFF).as("PRODUCT_STATE Open").isEqualTo(0xED);
        assertThat(optsr >>> 31).as("SWAP_BANK").isZero();
        assertThat(probe.mdw(NS + OPTSR2_CUR) >>> 24).as("TZEN disabled").isEqualTo(0xC3);
        assertThat(probe.mdw(NS + NSBOOTR_CUR)).isEqualTo(0x0800_00C3L);
        assertThat(probe.mdw(NS + SECBOOTR_CUR)).isEqualTo(0x0C00_00C3L);
        assertThat(probe.mdw(NS + OTPBLR_CUR)).isZero();
        assertThat(probe.mdw(NS + WRP1R_CUR)).isEqualTo(0xFFFF_FFFFL);
        assertThat(probe.mdw(NS + WRP2R_CUR)).isEqualTo(0xFFFF_FFFFL);
        assertThat(probe.mdw(NS + OPTSR_PRG)).as("_PRG starts as _CUR").isEqualTo(optsr);
        assertThat(soc.optionBytes()).isEqualTo(OptionByteValues.factory());
        assertThat(soc.trustZoneEnabled()).isFalse();
    }

    @Test
    void prgRegistersIgnoreWritesWhileOptlockIsSet() throws BusFault {
        long before = probe.mdw(NS + OPTSR_PRG);
        probe.mww(NS + OPTSR_PRG, before | 0x8000_0000L);
        assertThat(probe.mdw(NS + OPTSR_PRG)).isEqualTo(before);
        probe.mww(NS + OPTCR, OPTCR_OPTSTRT);
        assertThat(soc.optionBytes()).isEqualTo(OptionByteValues.factory());
    }

    @Test
    void optstrtCommitsPrgToCurImmediately() throws BusFault {
        long status = flash.optionWrite(NS, OPTSR_PRG, 0x8000_0000, 0x8000_0000);

        assertThat(status & 0x00FF_0000L).isZero();
        assertThat(probe.mdw(NS + OPTSR_CUR) >>> 31).isEqualTo(1);
        assertThat(probe.mdw(NS + OPTCR) & OPTCR_OPTSTRT).as("OPTSTRT cleared by hardware").isZero();
        assertThat(probe.mdw(NS + OPTCR) & OPTCR_OPTLOCK).isEqualTo(OPTCR_OPTLOCK);
        assertThat(soc.optionBytes().swapBank()).isTrue();
        assertThat(events).singleElement().isInstanceOfSatisfying(FlashEvent.OptionBytesCommitted.class, commit -> {
            assertThat(commit.before().swapBank()).isFalse();
            assertThat(commit.after().swapBank()).isTrue();
        });
    }

    @Test
    void swapBankTakesEffectAtTheNextReset() throws BusFault {
        flash.optionWrite(NS, OPTSR_PRG, 0x8000_0000, 0x8000_0000);
        assertThat(probe.mdw(NS + OPTCR) & 0x8000_0000L).as("OPTCR.SWAP_BANK shows the swap in effect").isZero();
        assertThat(soc.banksSwapped()).isFalse();

        soc.systemReset("SYSRESETREQ");

        assertThat(probe.mdw(NS + OPTCR) & 0x8000_0000L).isEqualTo(0x8000_0000L);
        assertThat(soc.banksSwapped()).isTrue();
    }

    @Test
    void stagedValuesThatWereNotCommittedAreLostAtReset() throws BusFault {
        flash.unlockOptions();
        probe.mww(NS + OPTSR_PRG, probe.mdw(NS + OPTSR_PRG) | 0x8000_0000L);
        soc.systemReset("test");
        assertThat(probe.mdw(NS + OPTSR_PRG) >>> 31).isZero();
        assertThat(soc.optionBytes().swapBank()).isFalse();
    }

    @Test
    void trustZoneEnableTakesEffectAtTheNextReset() throws BusFault {
        long status = flash.optionWrite(NS, OPTSR2_PRG, 0xB400_0000, 0xFF00_0000);

        assertThat(status & SR_OPTCHANGEERR).isZero();
        assertThat(probe.mdw(NS + OPTSR2_CUR) >>> 24).isEqualTo(0xB4);
        assertThat(soc.trustZoneEnabled()).isFalse();
        assertThat(soc.bootVectorTable()).isEqualTo(0x0800_0000L);

        soc.systemReset("nSRST");

        assertThat(soc.trustZoneEnabled()).isTrue();
        assertThat(soc.bootVectorTable()).isEqualTo(0x0C00_0000L);
        assertThat(probe.mdw(S + SECSR)).as("the secure registers now answer").isZero();
    }

    @Test
    void changingTzenErasesTheUserFlashButNotOtp() throws BusFault {
        flash.programQuadWord(0x0800_0000L, 1, 2, 3, 4);
        flash.programOtp(0x08FF_F000L, 0x1234);
        events.clear();

        flash.optionWrite(NS, OPTSR2_PRG, 0xB400_0000, 0xFF00_0000);

        assertThat(soc.readFlash(0x0800_0000L, 16)).containsOnly(0xFF);
        assertThat(soc.readOtp(0, 2)).containsExactly(0x34, 0x12);
        assertThat(events).first().isEqualTo(new FlashEvent.MassErased("TZEN 0xC3 -> 0xB4"));
    }

    @Test
    void anInvalidTzenIsRefusedWithOptchangeerrAndBlocksOptstrtUntilCleared() throws BusFault {
        long status = flash.optionWrite(NS, OPTSR2_PRG, 0x5A00_0000, 0xFF00_0000);
        assertThat(status & SR_OPTCHANGEERR).isEqualTo(SR_OPTCHANGEERR);
        assertThat(probe.mdw(NS + OPTSR2_CUR) >>> 24).isEqualTo(0xC3);
        assertThat(events).singleElement().isInstanceOfSatisfying(FlashEvent.OperationFailed.class,
                failure -> assertThat(failure.reason()).contains("TZEN 0x5A"));

        // a valid change is ignored while OPTCHANGEERR is set
        flash.optionWrite(NS, OPTSR2_PRG, 0xB400_0000, 0xFF00_0000);
        assertThat(probe.mdw(NS + OPTSR2_CUR) >>> 24).isEqualTo(0xC3);

        probe.mww(NS + NSCCR, SR_OPTCHANGEERR);
        flash.optionWrite(NS, OPTSR2_PRG, 0xB400_0000, 0xFF00_0000);
        assertThat(probe.mdw(NS + OPTSR2_CUR) >>> 24).isEqualTo(0xB4);
    }

    @Test
    void productStateMovesForwardButNotBackToOpen() throws BusFault {
        assertThat(flash.optionWrite(NS, OPTSR_PRG, 0x1700, 0xFF00) & SR_OPTCHANGEERR).isZero();
        assertThat(soc.optionBytes().productStateCode()).isEqualTo(ProductState.PROVISIONING.code());

        assertThat(flash.optionWrite(NS, OPTSR_PRG, 0xED00, 0xFF00) & SR_OPTCHANGEERR).isEqualTo(SR_OPTCHANGEERR);
        assertThat(soc.optionBytes().productStateCode()).isEqualTo(ProductState.PROVISIONING.code());
    }

    @Test
    void tzenChangesOnlyInOpenState() throws BusFault {
        flash.optionWrite(NS, OPTSR_PRG, 0x1700, 0xFF00);
        assertThat(flash.optionWrite(NS, OPTSR2_PRG, 0xB400_0000, 0xFF00_0000) & SR_OPTCHANGEERR).isEqualTo(SR_OPTCHANGEERR);
        assertThat(soc.optionBytes().tzen()).isEqualTo(0xC3);
    }

    @Test
    void bootUbeMustBeAValidEncoding() throws BusFault {
        assertThat(flash.optionWrite(NS, OPTSR_PRG, 0x1100_0000, 0x3FC0_0000) & SR_OPTCHANGEERR).isEqualTo(SR_OPTCHANGEERR);
        assertThat(soc.optionBytes().bootUbe()).isEqualTo(0xB4);
    }

    @Test
    void bootAddressesComeFromTheBootOptionBytes() throws BusFault {
        flash.optionWrite(NSBOOTR_PRG, 0x0806_00C3);
        assertThat(soc.bootVectorTable()).isEqualTo(0x0806_0000L);
        soc.systemReset("test");
        assertThat(soc.bootVectorTable()).isEqualTo(0x0806_0000L);
    }

    @Test
    void aLockedBootAddressCannotChange() throws BusFault {
        flash.optionWrite(NSBOOTR_PRG, 0x0800_00B4);
        assertThat(flash.optionWrite(NSBOOTR_PRG, 0x0810_00B4) & SR_OPTCHANGEERR).isEqualTo(SR_OPTCHANGEERR);
        assertThat(soc.optionBytes().nonSecureBootAddress()).isEqualTo(0x0800_0000L);
    }

    @Test
    void secureOptionWordsNeedTrustZone() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> flash.optionWrite(SECWM1R_PRG, 0x002F_0000)))
                .isInstanceOf(BusFault.class).hasMessageContaining("TrustZone is disabled");
    }

    @Test
    void currentRegistersAreReadOnly() throws BusFault {
        flash.unlockOptions();
        probe.mww(NS + OPTSR_CUR, 0);
        assertThat(probe.mdw(NS + OPTSR_CUR)).isEqualTo(OptionWord.OPTSR.factoryValue() & 0xFFFF_FFFFL);
    }
}
