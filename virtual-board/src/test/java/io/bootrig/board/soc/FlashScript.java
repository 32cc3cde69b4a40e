package io.bootrig.board.soc;

import static io.bootrig.board.soc.FlashRegisters.*;

import io.bootrig.board.bus.BusFault;

/**
 * The register sequences the rig's OpenOCD TCL procedures run (stm32h5.md §4.4), written against a
 * DebugProbe: unlock, program, erase, option bytes. Non-secure sequences use the registers at
 * 0x40022000; secure ones SECKEYR/SECSR/SECCR/SECCCR at 0x50022000.
 */
final class FlashScript {
    static final long NS = BASE_NS;
    static final long S = BASE_S;

    private final DebugProbe probe;
    private final boolean secure;

    FlashScript(DebugProbe probe, boolean secure) {
        this.probe = probe;
        this.secure = secure;
    }

    long keyRegister() {
        return secure ? S + SECKEYR : NS + NSKEYR;
    }

    long controlRegister() {
        return secure ? S + SECCR : NS + NSCR;
    }

    long statusRegister() {
        return secure ? S + SECSR : NS + NSSR;
    }

    long clearRegister() {
        return secure ? S + SECCCR : NS + NSCCR;
    }

    void unlock() throws BusFault {
        if ((probe.mdw(controlRegister()) & CR_LOCK) != 0) {
            probe.mww(keyRegister(), KEY1);
            probe.mww(keyRegister(), KEY2);
        }
    }

    void lock() throws BusFault {
        probe.mww(controlRegister(), CR_LOCK);
    }

    long status() throws BusFault {
        return probe.mdw(statusRegister());
    }

    long control() throws BusFault {
        return probe.mdw(controlRegister());
    }

    void clearErrors() throws BusFault {
        probe.mww(clearRegister(), 0x00FF_0000L);
    }

    /** PG, four 32-bit writes to one 16-byte-aligned quad-word, PG off; returns the status after the last word. */
    long programQuadWord(long address, int w0, int w1, int w2, int w3) throws BusFault {
        unlock();
        probe.mww(controlRegister(), CR_PG);
        probe.mww(address, w0 & 0xFFFF_FFFFL);
        probe.mww(address + 4, w1 & 0xFFFF_FFFFL);
        probe.mww(address + 8, w2 & 0xFFFF_FFFFL);
        probe.mww(address + 12, w3 & 0xFFFF_FFFFL);
        long status = status();
        probe.mww(controlRegister(), 0);
        return status;
    }

    /** SER|STRT|SNB|BKSEL in one write; bank is the physical bank (1 or 2). Returns the status. */
    long eraseSector(int bank, int sector) throws BusFault {
        unlock();
        long command = CR_SER | CR_STRT | ((long) sector << CR_SNB_SHIFT) | (bank == 2 ? CR_BKSEL & 0xFFFF_FFFFL : 0);
        probe.mww(controlRegister(), command);
        long status = status();
        probe.mww(controlRegister(), 0);
        return status;
    }

    long eraseBank(int bank) throws BusFault {
        unlock();
        probe.mww(controlRegister(), CR_BER | CR_STRT | (bank == 2 ? CR_BKSEL & 0xFFFF_FFFFL : 0));
        long status = status();
        probe.mww(controlRegister(), 0);
        return status;
    }

    long massErase() throws BusFault {
        unlock();
        probe.mww(controlRegister(), CR_MER | CR_STRT);
        long status = status();
        probe.mww(controlRegister(), 0);
        return status;
    }

    /** One OTP half-word: PG, a 16-bit store, PG off (always through NSCR). */
    long programOtp(long address, int halfWord) throws BusFault {
        unlock();
        probe.mww(controlRegister(), CR_PG);
        probe.mwh(address, halfWord);
        long status = status();
        probe.mww(controlRegister(), 0);
        return status;
    }

    void unlockOptions() throws BusFault {
        if ((probe.mdw(NS + OPTCR) & OPTCR_OPTLOCK) != 0) {
            probe.mww(NS + OPTKEYR, OPTKEY1);
            probe.mww(NS + OPTKEYR, OPTKEY2);
        }
    }

    /**
     * ST-OCD's {@code option_write}: RMW the _PRG register at {@code prgBase + offset}, OPTSTRT, OPTLOCK.
     * Returns NSSR after the change.
     */
    long optionWrite(long prgBase, int offset, int value, int mask) throws BusFault {
        unlockOptions();
        long old = probe.mdw(prgBase + offset);
        probe.mww(prgBase + offset, (old & ~(mask & 0xFFFF_FFFFL)) | (value & mask & 0xFFFF_FFFFL));
        probe.mww(NS + OPTCR, OPTCR_OPTSTRT);
        long status = probe.mdw(NS + NSSR);
        probe.mww(NS + OPTCR, OPTCR_OPTLOCK);
        return status;
    }

    long optionWrite(int offset, int value) throws BusFault {
        return optionWrite(NS, offset, value, 0xFFFF_FFFF);
    }
}
