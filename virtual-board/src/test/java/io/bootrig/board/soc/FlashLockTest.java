package io.bootrig.board.soc;

import static io.bootrig.board.soc.FlashRegisters.*;
import static io.bootrig.board.soc.FlashScript.NS;
import static io.bootrig.board.soc.FlashScript.S;
import static org.assertj.core.api.Assertions.assertThat;

import io.bootrig.board.bus.BusFault;
import org.junit.jupiter.api.Test;

class FlashLockTest {
    private final Stm32h563 soc = Stm32h563.inMemory();
    private final DebugProbe probe = DebugProbe.secure(soc);

    @Test
    void controlRegistersAreLockedAfterReset() throws BusFault {
        assertThat(probe.mdw(BASE_NS + NSCR)).isEqualTo(CR_LOCK);
        assertThat(probe.mdw(BASE_NS + OPTCR)).isEqualTo(OPTCR_OPTLOCK);
        assertThat(probe.mdw(BASE_NS + NSSR)).isZero();
        assertThat(probe.mdw(BASE_NS + ACR)).isEqualTo(0x13);
    }

    @Test
    void keySequenceUnlocksAndLockBitRelocks() throws BusFault {
        probe.mww(BASE_NS + NSKEYR, KEY1);
        assertThat(probe.mdw(BASE_NS + NSCR) & CR_LOCK).isEqualTo(CR_LOCK);
        probe.mww(BASE_NS + NSKEYR, KEY2);
        assertThat(probe.mdw(BASE_NS + NSCR)).isZero();

        probe.mww(BASE_NS + NSCR, CR_PG);
        probe.mww(BASE_NS + NSCR, CR_LOCK);
        assertThat(probe.mdw(BASE_NS + NSCR)).as("LOCK 0->1 leaves the other bits").isEqualTo(CR_LOCK | CR_PG);

        probe.mww(BASE_NS + NSKEYR, KEY1);
        probe.mww(BASE_NS + NSKEYR, KEY2);
        assertThat(probe.mdw(BASE_NS + NSCR) & CR_LOCK).isZero();
    }

    @Test
    void writesToALockedControlRegisterAreIgnored() throws BusFault {
        probe.mww(BASE_NS + NSCR, CR_PG | CR_SER);
        assertThat(probe.mdw(BASE_NS + NSCR)).isEqualTo(CR_LOCK);
    }

    @Test
    void wrongKeyLocksUntilReset() throws BusFault {
        probe.mww(BASE_NS + NSKEYR, 0x12345678);
        probe.mww(BASE_NS + NSKEYR, KEY1);
        probe.mww(BASE_NS + NSKEYR, KEY2);
        assertThat(probe.mdw(BASE_NS + NSCR) & CR_LOCK).isEqualTo(CR_LOCK);

        soc.systemReset("test");
        probe.mww(BASE_NS + NSKEYR, KEY1);
        probe.mww(BASE_NS + NSKEYR, KEY2);
        assertThat(probe.mdw(BASE_NS + NSCR) & CR_LOCK).isZero();
    }

    @Test
    void keysInTheWrongOrderLockUntilReset() throws BusFault {
        probe.mww(BASE_NS + NSKEYR, KEY2);
        probe.mww(BASE_NS + NSKEYR, KEY1);
        probe.mww(BASE_NS + NSKEYR, KEY2);
        assertThat(probe.mdw(BASE_NS + NSCR) & CR_LOCK).isEqualTo(CR_LOCK);
    }

    @Test
    void unlockingTwiceLocksUntilReset() throws BusFault {
        probe.mww(BASE_NS + NSKEYR, KEY1);
        probe.mww(BASE_NS + NSKEYR, KEY2);
        probe.mww(BASE_NS + NSKEYR, KEY1);
        assertThat(probe.mdw(BASE_NS + NSCR) & CR_LOCK).isEqualTo(CR_LOCK);
        probe.mww(BASE_NS + NSKEYR, KEY2);
        probe.mww(BASE_NS + NSCR, CR_LOCK);
        probe.mww(BASE_NS + NSKEYR, KEY1);
        probe.mww(BASE_NS + NSKEYR, KEY2);
        assertThat(probe.mdw(BASE_NS + NSCR) & CR_LOCK).isEqualTo(CR_LOCK);
    }

    @Test
    void keyRegistersReadZero() throws BusFault {
        probe.mww(BASE_NS + NSKEYR, KEY1);
        assertThat(probe.mdw(BASE_NS + NSKEYR)).isZero();
        assertThat(probe.mdw(BASE_NS + OPTKEYR)).isZero();
    }

    @Test
    void optionKeysUnlockOptcrAndAWrongOneLocksUntilReset() throws BusFault {
        probe.mww(BASE_NS + OPTKEYR, OPTKEY1);
        probe.mww(BASE_NS + OPTKEYR, OPTKEY2);
        assertThat(probe.mdw(BASE_NS + OPTCR) & OPTCR_OPTLOCK).isZero();
        probe.mww(BASE_NS + OPTCR, OPTCR_OPTLOCK);
        assertThat(probe.mdw(BASE_NS + OPTCR) & OPTCR_OPTLOCK).isEqualTo(OPTCR_OPTLOCK);

        probe.mww(BASE_NS + OPTKEYR, KEY1);
        probe.mww(BASE_NS + OPTKEYR, OPTKEY1);
        probe.mww(BASE_NS + OPTKEYR, OPTKEY2);
        assertThat(probe.mdw(BASE_NS + OPTCR) & OPTCR_OPTLOCK).isEqualTo(OPTCR_OPTLOCK);
        soc.systemReset("test");
        probe.mww(BASE_NS + OPTKEYR, OPTKEY1);
        probe.mww(BASE_NS + OPTKEYR, OPTKEY2);
        assertThat(probe.mdw(BASE_NS + OPTCR) & OPTCR_OPTLOCK).isZero();
    }

    @Test
    void flashKeysDoNotOpenOptionBytesNorTheReverse() throws BusFault {
        probe.mww(BASE_NS + NSKEYR, KEY1);
        probe.mww(BASE_NS + NSKEYR, KEY2);
        assertThat(probe.mdw(BASE_NS + OPTCR) & OPTCR_OPTLOCK).isEqualTo(OPTCR_OPTLOCK);
        probe.mww(BASE_NS + OPTKEYR, OPTKEY1);
        probe.mww(BASE_NS + OPTKEYR, OPTKEY2);
        probe.mww(BASE_NS + NSCR, CR_LOCK);
        assertThat(probe.mdw(BASE_NS + NSCR) & CR_LOCK).isEqualTo(CR_LOCK);
        assertThat(probe.mdw(BASE_NS + OPTCR) & OPTCR_OPTLOCK).isZero();
    }
}
