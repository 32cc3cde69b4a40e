package io.bootrig.board.soc;

import static io.bootrig.board.soc.FlashRegisters.*;
import static io.bootrig.board.soc.FlashScript.NS;
import static io.bootrig.board.soc.FlashScript.S;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.bootrig.board.bus.BusFault;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TrustZoneTest {
    private final Stm32h563 soc = Stm32h563.inMemory();
    private final DebugProbe secureProbe = DebugProbe.secure(soc);
    private final DebugProbe nonSecureProbe = DebugProbe.nonSecure(soc);
    private final FlashScript secureFlash = new FlashScript(secureProbe, true);
    private final FlashScript nonSecureFlash = new FlashScript(nonSecureProbe, false);

    private static void assertFaults(ThrowingRead read, String reason) {
        assertThat(catchThrowable(read::run)).isInstanceOf(BusFault.class).hasMessageContaining(reason);
    }

    @FunctionalInterface
    interface ThrowingRead {
        void run() throws BusFault;
    }

    @Nested
    class Disabled {
        @Test
        void secureAliasesFaultEvenForSecureAccesses() {
            assertFaults(() -> secureProbe.mdw(0x0C00_0000L), "TrustZone is disabled");
            assertFaults(() -> secureProbe.mdw(0x3000_0000L), "TrustZone is disabled");
            assertFaults(() -> secureProbe.mdw(S + NSSR), "TrustZone is disabled");
        }

        @Test
        void secureRegistersFaultThroughTheNonSecureBase() {
            assertFaults(() -> secureProbe.mdw(NS + SECSR), "TrustZone is disabled");
            assertFaults(() -> secureProbe.mww(NS + SECKEYR, KEY1), "TrustZone is disabled");
            assertFaults(() -> secureProbe.mdw(NS + SECBB1R1), "TrustZone is disabled");
        }

        @Test
        void everyAccessAttributeReachesTheWholeFlash() throws BusFault {
            assertThat(nonSecureFlash.programQuadWord(0x0800_0000L, 1, 2, 3, 4)).isEqualTo(SR_EOP);
            assertThat(secureProbe.mdw(0x0800_0000L)).isEqualTo(1);
            assertThat(nonSecureProbe.mdw(0x081F_FFF0L)).isEqualTo(0xFFFF_FFFFL);
        }
    }

    @Nested
    class Enabled {
        Enabled() throws BusFault {
            secureFlash.optionWrite(NS, OPTSR2_PRG, 0xB400_0000, 0xFF00_0000);
            soc.systemReset("TZEN");
        }

        private void watermarks(int bank1, int bank2) throws BusFault {
            secureFlash.optionWrite(S, SECWM1R_PRG, bank1, 0xFFFF_FFFF);
            secureFlash.optionWrite(S, SECWM2R_PRG, bank2, 0xFFFF_FFFF);
        }

        @Test
        void theWholeFlashIsSecureRightAfterEnabling() throws BusFault {
            assertThat(soc.trustZoneEnabled()).isTrue();
            assertFaults(() -> nonSecureProbe.mdw(0x0800_0000L), "is secure");
            assertFaults(() -> nonSecureProbe.mdw(0x081F_FFFCL), "is secure");
            assertThat(secureProbe.mdw(0x0C1F_FFFCL)).isEqualTo(0xFFFF_FFFFL);
        }

        @Test
        void watermarksSplitTheFlash() throws BusFault {
            watermarks(0x002F_0000, 0x0000_0001);
            assertThat(secureProbe.mdw(NS + SECWM1R_CUR)).isEqualTo(0x002F_0000L);

            assertThat(secureProbe.mdw(0x0C05_FFFCL)).as("sector 0x2F, secure alias").isEqualTo(0xFFFF_FFFFL);
            assertThat(nonSecureProbe.mdw(0x0806_0000L)).as("sector 0x30, non-secure alias").isEqualTo(0xFFFF_FFFFL);
            assertThat(nonSecureProbe.mdw(0x0810_0000L)).as("bank 2 has no secure sector").isEqualTo(0xFFFF_FFFFL);
            assertThat(secureProbe.mdw(0x0806_0000L)).as("secure access to a non-secure sector").isEqualTo(0xFFFF_FFFFL);

            assertFaults(() -> nonSecureProbe.mdw(0x0805_FFFCL), "sector 47 is secure");
            assertFaults(() -> secureProbe.mdw(0x0800_0000L), "is secure; reach it through 0x0C000000");
            assertFaults(() -> secureProbe.mdw(0x0C06_0000L), "is non-secure; reach it through 0x08000000");
            assertFaults(() -> nonSecureProbe.mdw(0x0C06_0000L), "non-secure access to a secure alias");
            assertFaults(() -> nonSecureProbe.mww(0x0800_0000L, 0), "is secure");
        }

        @Test
        void secureWatermarksAreSecureRegisters() {
            assertFaults(() -> nonSecureFlash.optionWrite(S, SECWM1R_PRG, 0, 0xFFFF_FFFF), "non-secure access to a secure alias");
            assertFaults(() -> secureFlash.optionWrite(NS, SECWM1R_PRG, 0, 0xFFFF_FFFF), "secure access through 0x50022000 only");
        }

        @Test
        void secureRegistersNeedASecureAccessThroughTheSecureBase() throws BusFault {
            assertFaults(() -> nonSecureProbe.mdw(S + SECSR), "non-secure access to a secure alias");
            assertFaults(() -> nonSecureProbe.mdw(S + NSSR), "non-secure access to a secure alias");
            assertFaults(() -> nonSecureProbe.mdw(NS + SECSR), "SECSR is a secure register");
            assertFaults(() -> secureProbe.mdw(NS + SECCR), "SECCR is a secure register");
            assertThat(secureProbe.mdw(S + SECCR)).isEqualTo(CR_LOCK);
            assertThat(secureProbe.mdw(S + OPTSR2_CUR) >>> 24).as("common registers through the secure base").isEqualTo(0xB4);
            assertThat(nonSecureProbe.mdw(NS + OPTSR2_CUR) >>> 24).isEqualTo(0xB4);
        }

        @Test
        void sramSecureAliasAnswersSecureAccessesOnly() throws BusFault {
            secureProbe.mww(0x3000_0100L, 0xCAFEF00DL);
            assertThat(secureProbe.mdw(0x3000_0100L)).isEqualTo(0xCAFEF00DL);
            assertFaults(() -> nonSecureProbe.mdw(0x3000_0100L), "non-secure access to a secure alias");
            nonSecureProbe.mww(0x2005_0000L, 0x1234);
            assertThat(secureProbe.mdw(0x2005_0000L)).isEqualTo(0x1234);
        }

        @Test
        void secureSectorsAreProgrammedThroughSeccr() throws BusFault {
            watermarks(0x002F_0000, 0x0000_0001);

            assertThat(secureFlash.programQuadWord(0x0C00_0000L, 0x2000_0000, 0x0C00_0101, 3, 4)).isEqualTo(SR_EOP);

            assertThat(secureProbe.mdw(0x0C00_0004L)).isEqualTo(0x0C00_0101L);
            assertThat(secureProbe.mdw(NS + NSSR)).as("NSSR untouched").isZero();
            assertThat(soc.readFlash(0x0800_0000L, 4)).containsExactly(0x00, 0x00, 0x00, 0x20);
        }

        @Test
        void aSecureSectorWriteWithOnlyNscrPgSetRaisesPgserrInSecsr() throws BusFault {
            watermarks(0x002F_0000, 0x0000_0001);
            new FlashScript(secureProbe, false).unlock();
            secureProbe.mww(NS + NSCR, CR_PG);
            secureProbe.mww(0x0C00_0000L, 0);
            assertThat(secureProbe.mdw(S + SECSR)).isEqualTo(SR_PGSERR);
            assertThat(secureProbe.mdw(NS + NSSR)).isZero();
        }

        @Test
        void nonSecureSectorsAreProgrammedThroughNscrEvenBySecureAccesses() throws BusFault {
            watermarks(0x002F_0000, 0x0000_0001);
            assertThat(new FlashScript(secureProbe, false).programQuadWord(0x0806_0000L, 1, 2, 3, 4)).isEqualTo(SR_EOP);
            assertThat(nonSecureFlash.programQuadWord(0x0806_0010L, 5, 6, 7, 8)).isEqualTo(SR_EOP);
            assertThat(nonSecureProbe.mdw(0x0806_0010L)).isEqualTo(5);
        }

        @Test
        void eachSideErasesOnlyItsOwnSectors() throws BusFault {
            watermarks(0x002F_0000, 0x0000_0001);
            secureFlash.programQuadWord(0x0C00_0000L, 1, 1, 1, 1);
            nonSecureFlash.programQuadWord(0x0806_0000L, 2, 2, 2, 2);

            assertThat(nonSecureFlash.eraseSector(1, 0) & SR_WRPERR).isEqualTo(SR_WRPERR);
            assertThat(secureFlash.eraseSector(1, 0x30) & SR_WRPERR).isEqualTo(SR_WRPERR);
            assertThat(soc.readFlash(0x0800_0000L, 1)).containsExactly(1);
            assertThat(soc.readFlash(0x0806_0000L, 1)).containsExactly(2);

            nonSecureFlash.clearErrors();
            secureFlash.clearErrors();
            assertThat(secureFlash.eraseSector(1, 0)).isEqualTo(SR_EOP);
            assertThat(nonSecureFlash.eraseSector(1, 0x30)).isEqualTo(SR_EOP);
            assertThat(soc.readFlash(0x0800_0000L, 1)).containsExactly(0xFF);
            assertThat(soc.readFlash(0x0806_0000L, 1)).containsExactly(0xFF);
        }

        @Test
        void invLetsTheSecureSideEraseNonSecureSectors() throws BusFault {
            watermarks(0x002F_0000, 0x0000_0001);
            nonSecureFlash.programQuadWord(0x0806_0000L, 2, 2, 2, 2);
            secureFlash.unlock();
            secureProbe.mww(S + SECCR, (CR_INV | CR_SER | CR_STRT | (0x30 << CR_SNB_SHIFT)) & 0xFFFF_FFFFL);
            assertThat(secureProbe.mdw(S + SECSR)).isEqualTo(SR_EOP);
            assertThat(soc.readFlash(0x0806_0000L, 1)).containsExactly(0xFF);
        }

        @Test
        void aNonSecureMassEraseWithSecureSectorsFailsAndErasesNothing() throws BusFault {
            watermarks(0x002F_0000, 0x0000_0001);
            secureFlash.programQuadWord(0x0C00_0000L, 1, 1, 1, 1);
            nonSecureFlash.programQuadWord(0x0806_0000L, 2, 2, 2, 2);

            assertThat(nonSecureFlash.massErase() & SR_WRPERR).isEqualTo(SR_WRPERR);
            assertThat(nonSecureFlash.eraseBank(1) & SR_WRPERR).isEqualTo(SR_WRPERR);

            assertThat(soc.readFlash(0x0800_0000L, 1)).containsExactly(1);
            assertThat(soc.readFlash(0x0806_0000L, 1)).containsExactly(2);
            nonSecureFlash.clearErrors();
            assertThat(nonSecureFlash.eraseBank(2)).as("bank 2 is all non-secure").isEqualTo(SR_EOP);
        }

        @Test
        void secbbMakesSectorsSecureUntilReset() throws BusFault {
            watermarks(0x002F_0000, 0x0000_0001);
            secureProbe.mww(S + SECBB1R1 + 4, 1 << 16); // sector 48 = 0x30
            assertThat(secureProbe.mdw(S + SECBB1R1 + 4)).isEqualTo(1 << 16);
            assertFaults(() -> nonSecureProbe.mdw(0x0806_0000L), "sector 48 is secure");
            assertThat(secureProbe.mdw(0x0C06_0000L)).isEqualTo(0xFFFF_FFFFL);
            assertThat(nonSecureProbe.mdw(0x0806_2000L)).isEqualTo(0xFFFF_FFFFL);
            assertFaults(() -> nonSecureProbe.mww(S + SECBB1R1, 0), "non-secure access to a secure alias");

            soc.systemReset("test");
            assertThat(nonSecureProbe.mdw(0x0806_0000L)).isEqualTo(0xFFFF_FFFFL);
        }

        @Test
        void allSecbbSetLetsTheSecureSideMassErase() throws BusFault {
            watermarks(0x002F_0000, 0x0000_0001);
            nonSecureFlash.programQuadWord(0x0810_0000L, 2, 2, 2, 2);
            for (int i = 0; i < 4; i++) {
                secureProbe.mww(S + SECBB1R1 + 4 * i, 0xFFFF_FFFFL);
                secureProbe.mww(S + SECBB2R1 + 4 * i, 0xFFFF_FFFFL);
            }
            assertThat(secureFlash.massErase()).isEqualTo(SR_EOP);
            assertThat(soc.readFlash(0x0810_0000L, 1)).containsExactly(0xFF);
        }

        @Test
        void otpIsNonSecureAndProgrammedThroughNscr() throws BusFault {
            assertThat(nonSecureFlash.programOtp(0x08FF_F000L, 0x4F57)).isEqualTo(SR_EOP);
            assertThat(secureProbe.mdh(0x08FF_F000L)).isEqualTo(0x4F57);
            assertThat(nonSecureProbe.mdh(0x08FF_F000L)).isEqualTo(0x4F57);
        }

        @Test
        void disablingAgainNeedsOnlyTheOptionByteInOpenState() throws BusFault {
            secureFlash.optionWrite(NS, OPTSR2_PRG, 0xC300_0000, 0xFF00_0000);
            soc.systemReset("TZEN off");
            assertThat(soc.trustZoneEnabled()).isFalse();
            assertFaults(() -> secureProbe.mdw(0x0C00_0000L), "TrustZone is disabled");
            assertThat(nonSecureProbe.mdw(0x0800_0000L)).isEqualTo(0xFFFF_FFFFL);
        }
    }
}
