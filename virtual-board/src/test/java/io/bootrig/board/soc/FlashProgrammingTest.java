package io.bootrig.board.soc;

import static io.bootrig.board.soc.FlashRegisters.*;
import static io.bootrig.board.soc.FlashScript.NS;
import static io.bootrig.board.soc.FlashScript.S;
import static org.assertj.core.api.Assertions.assertThat;

import io.bootrig.board.bus.BusFault;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlashProgrammingTest {
    private static final long ADDRESS = 0x0806_0000L;
    private final Stm32h563 soc = Stm32h563.inMemory();
    private final DebugProbe probe = DebugProbe.secure(soc);
    private final FlashScript flash = new FlashScript(probe, false);
    private final List<FlashEvent> events = new ArrayList<>();

    FlashProgrammingTest() {
        soc.addFlashListener(events::add);
    }

    @Test
    void quadWordIsCommittedWithTheFourthWordAndReadsBack() throws BusFault {
        flash.unlock();
        probe.mww(NS + NSCR, CR_PG);
        probe.mww(ADDRESS, 0x11111111L);
        probe.mww(ADDRESS + 4, 0x22222222L);
        probe.mww(ADDRESS + 8, 0x33333333L);
        assertThat(flash.status()).as("three words: waiting for the fourth").isEqualTo(SR_WBNE);
        assertThat(probe.mdw(ADDRESS)).as("nothing programmed yet").isEqualTo(0xFFFF_FFFFL);

        probe.mww(ADDRESS + 12, 0x44444444L);
        assertThat(flash.status()).isEqualTo(SR_EOP);
        assertThat(probe.mdw(ADDRESS)).isEqualTo(0x11111111L);
        assertThat(probe.mdw(ADDRESS + 12)).isEqualTo(0x44444444L);
        assertThat(probe.mdh(ADDRESS + 4)).isEqualTo(0x2222);
        assertThat(probe.mdb(ADDRESS + 8)).isEqualTo(0x33);
        assertThat(soc.readFlash(ADDRESS, 16)).isEqualTo(HexFormat.of().parseHex("11111111222222223333333344444444"));
        assertThat(soc.readFlashBank(1, 0x60000, 4)).containsExactly(0x11, 0x11, 0x11, 0x11);
        assertThat(events).singleElement().isInstanceOfSatisfying(FlashEvent.QuadWordProgrammed.class, event -> {
            assertThat(event.address()).isEqualTo(ADDRESS);
            assertThat(event.bank()).isEqualTo(1);
            assertThat(event.bankOffset()).isEqualTo(0x60000);
            assertThat(event.secure()).isFalse();
            assertThat(event.overprogrammed()).isFalse();
        });

        flash.clearErrors();
        probe.mww(NS + NSCCR, SR_EOP);
        assertThat(flash.status()).isZero();
    }

    @Test
    void wordsMayArriveInAnyOrderAndAsBytes() throws BusFault {
        flash.unlock();
        probe.mww(NS + NSCR, CR_PG);
        probe.mww(ADDRESS + 8, 0x33333333L);
        probe.mww(ADDRESS, 0x11111111L);
        probe.mww(ADDRESS + 12, 0x44444444L);
        for (int i = 4; i < 8; i++) {
            probe.mwb(ADDRESS + i, 0x20 + i);
        }
        assertThat(flash.status()).isEqualTo(SR_EOP);
        assertThat(probe.mdw(ADDRESS + 4)).isEqualTo(0x27262524L);
    }

    @Test
    void programmingTheSameQuadWordTwiceRaisesStrberr() throws BusFault {
        assertThat(flash.programQuadWord(ADDRESS, 1, 2, 3, 4)).isEqualTo(SR_EOP);
        probe.mww(NS + NSCCR, SR_EOP);

        long status = flash.programQuadWord(ADDRESS, 1, 2, 3, 4);

        assertThat(status).isEqualTo(SR_STRBERR);
        assertThat(probe.mdw(ADDRESS)).isEqualTo(1);
        assertThat(events).last().isInstanceOfSatisfying(FlashEvent.OperationFailed.class, failure -> {
            assertThat(failure.error()).isEqualTo(FlashError.STRBERR);
            assertThat(failure.reason()).contains("already programmed");
        });
    }

    @Test
    void programmingWithoutEraseIsRefusedUntilTheSectorIsErased() throws BusFault {
        flash.programQuadWord(ADDRESS, 0xFFFF_0000, -1, -1, -1);
        flash.clearErrors();

        assertThat(flash.programQuadWord(ADDRESS, 0x0000_0000, 0, 0, 0) & SR_STRBERR).isEqualTo(SR_STRBERR);
        assertThat(probe.mdw(ADDRESS)).isEqualTo(0xFFFF_0000L);

        flash.clearErrors();
        assertThat(flash.eraseSector(1, 0x30)).isEqualTo(SR_EOP);
        assertThat(probe.mdw(ADDRESS)).isEqualTo(0xFFFF_FFFFL);
        flash.clearErrors();
        assertThat(flash.programQuadWord(ADDRESS, 0, 0, 0, 0)).isEqualTo(SR_EOP);
        assertThat(probe.mdw(ADDRESS)).isZero();
    }

    @Test
    void anErasedLookingQuadWordStillCountsAsProgrammed() throws BusFault {
        flash.programQuadWord(ADDRESS, -1, -1, -1, -1);
        flash.clearErrors();
        assertThat(flash.programQuadWord(ADDRESS, 5, 6, 7, 8)).isEqualTo(SR_STRBERR);
    }

    @Test
    void overprogrammingCanBeConfiguredToAndTheCellsAndCorruptTheEcc() throws Exception {
        Stm32h563 andSoc = Stm32h563.builder().overprogramPolicy(OverprogramPolicy.AND_WITH_ECC_ERROR).build();
        DebugProbe andProbe = DebugProbe.secure(andSoc);
        FlashScript andFlash = new FlashScript(andProbe, false);
        andFlash.programQuadWord(ADDRESS, 0xFF00_FF00, -1, -1, -1);
        andFlash.clearErrors();

        assertThat(andFlash.programQuadWord(ADDRESS, 0x0F0F_0F0F, -1, -1, -1)).isEqualTo(SR_EOP);
        assertThat(andSoc.flashDoubleEccErrorPending()).isFalse();
        assertThat(andProbe.mdw(ADDRESS)).isEqualTo(0x0F00_0F00L);
        assertThat(andSoc.flashDoubleEccErrorPending()).isTrue();
        assertThat(andProbe.mdw(NS + ECCDETR)).isEqualTo((ECC_ECCD | (0x60000 / 16)) & 0xFFFF_FFFFL);

        andProbe.mww(NS + ECCDETR, ECC_ECCD & 0xFFFF_FFFFL);
        assertThat(andSoc.flashDoubleEccErrorPending()).isFalse();
    }

    @Test
    void aPartialQuadWordWaitsWithWbneAndIsLostWhenAnotherQuadWordStarts() throws BusFault {
        flash.unlock();
        probe.mww(NS + NSCR, CR_PG);
        probe.mww(ADDRESS, 0xAAAAAAAAL);
        probe.mww(ADDRESS + 4, 0xBBBBBBBBL);
        assertThat(flash.status()).isEqualTo(SR_WBNE);

        probe.mww(ADDRESS + 16, 0xCCCCCCCCL);

        assertThat(flash.status()).isEqualTo(SR_INCERR);
        assertThat(soc.readFlash(ADDRESS, 32)).containsOnly(0xFF);
        assertThat(events).last().isInstanceOfSatisfying(FlashEvent.OperationFailed.class,
                failure -> assertThat(failure.error()).isEqualTo(FlashError.INCERR));
    }

    @Test
    void aQuadWordWrittenFromAMisalignedStartNeverCompletes() throws BusFault {
        flash.unlock();
        probe.mww(NS + NSCR, CR_PG);
        probe.mww(ADDRESS + 8, 1);
        probe.mww(ADDRESS + 12, 2);
        probe.mww(ADDRESS + 16, 3);
        assertThat(flash.status() & SR_INCERR).isEqualTo(SR_INCERR);
        assertThat(soc.readFlash(ADDRESS, 32)).containsOnly(0xFF);
    }

    @Test
    void clearingPgWithAPartialQuadWordRaisesPgserr() throws BusFault {
        flash.unlock();
        probe.mww(NS + NSCR, CR_PG);
        probe.mww(ADDRESS, 0x12345678L);
        probe.mww(NS + NSCR, 0);
        assertThat(flash.status()).isEqualTo(SR_PGSERR);
        assertThat(probe.mdw(ADDRESS)).isEqualTo(0xFFFF_FFFFL);
    }

    @Test
    void forceWritePadsAPartialQuadWordWithOnes() throws BusFault {
        flash.unlock();
        probe.mww(NS + NSCR, CR_PG);
        probe.mww(ADDRESS, 0x12345678L);
        probe.mww(NS + NSCR, CR_PG | CR_FW);
        assertThat(flash.status()).isEqualTo(SR_EOP);
        assertThat(probe.mdw(ADDRESS)).isEqualTo(0x12345678L);
        assertThat(probe.mdw(ADDRESS + 4)).isEqualTo(0xFFFF_FFFFL);
        flash.clearErrors();
        assertThat(flash.programQuadWord(ADDRESS, 0x12345678, 0, 0, 0)).as("the padded bytes are spent")
                .isEqualTo(SR_STRBERR);
    }

    @Test
    void writingAByteTwiceIntoTheBufferRaisesStrberr() throws BusFault {
        flash.unlock();
        probe.mww(NS + NSCR, CR_PG);
        probe.mww(ADDRESS, 1);
        probe.mwb(ADDRESS + 2, 0x55);
        assertThat(flash.status()).isEqualTo(SR_STRBERR);
        assertThat(probe.mdw(ADDRESS)).isEqualTo(0xFFFF_FFFFL);
    }

    @Test
    void writingFlashWithoutPgRaisesPgserr() throws BusFault {
        flash.unlock();
        probe.mww(ADDRESS, 0);
        assertThat(flash.status()).isEqualTo(SR_PGSERR);
        assertThat(probe.mdw(ADDRESS)).isEqualTo(0xFFFF_FFFFL);
    }

    @Test
    void writingLockedFlashRaisesPgserr() throws BusFault {
        probe.mww(ADDRESS, 0);
        assertThat(flash.status()).isEqualTo(SR_PGSERR);
    }

    @Test
    void pgTogetherWithAnEraseBitRaisesPgserrOnWrite() throws BusFault {
        flash.unlock();
        probe.mww(NS + NSCR, CR_PG | CR_SER);
        probe.mww(ADDRESS, 0);
        assertThat(flash.status()).isEqualTo(SR_PGSERR);
    }

    @Test
    void errorFlagsStayUntilClearedThroughNsccr() throws BusFault {
        probe.mww(ADDRESS, 0);
        flash.programQuadWord(ADDRESS + 16, 1, 2, 3, 4);
        assertThat(flash.status()).isEqualTo(SR_PGSERR | SR_EOP);
        probe.mww(NS + NSCCR, SR_PGSERR);
        assertThat(flash.status()).isEqualTo(SR_EOP);
        probe.mww(NS + NSCCR, SR_EOP);
        assertThat(flash.status()).isZero();
    }

    @Test
    void writeProtectedGroupRaisesWrperr() throws BusFault {
        // WRP1R bit 0x18 clear: sectors 0x60..0x63 of bank 1 protected
        flash.optionWrite(NS, WRP1R_PRG, 0, 1 << 0x18);
        flash.clearErrors();
        assertThat(flash.programQuadWord(0x080C_0000L, 1, 2, 3, 4)).isEqualTo(SR_WRPERR);
        assertThat(soc.readFlash(0x080C_0000L, 4)).containsOnly(0xFF);
        flash.clearErrors();
        assertThat(flash.eraseSector(1, 0x61)).isEqualTo(SR_WRPERR);
        assertThat(flash.programQuadWord(0x0808_0000L, 1, 2, 3, 4) & SR_EOP).isEqualTo(SR_EOP);
    }
}
