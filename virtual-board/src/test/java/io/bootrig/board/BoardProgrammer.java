package io.bootrig.board;

import static io.bootrig.board.soc.FlashRegisters.*;

import io.bootrig.board.bus.BusAccess;
import io.bootrig.board.bus.BusFault;
import io.bootrig.board.soc.Stm32h563;
import java.util.Arrays;

/**
 * What the rig does to a board through its debugger, done directly on the SoC's bus with debug
 * accesses (fast, no OpenOCD): option bytes, flash and OTP programming by the register sequences
 * of stm32h5.md §3. Where the rig would hold the core halted, the tests keep the board powered
 * off instead: no firmware runs while they program.
 */
public final class BoardProgrammer {
    /** wolfBoot's sectors 0..0x2F secure in bank 1, all of bank 2 secure: SECWM for the LMS config, banks not swapped. */
    public static final int WOLFBOOT_LAST_SECTOR = 0x2F;
    public static final int LAST_SECTOR = 0x7F;

    private static final BusAccess SECURE = BusAccess.debugSecure("test");
    private static final BusAccess NON_SECURE = BusAccess.debugNonSecure("test");

    private final VirtualBoard board;
    private final Stm32h563 soc;

    public BoardProgrammer(VirtualBoard board) {
        this.board = board;
        this.soc = board.soc();
    }

    /**
     * The provisioning of docs/flash-OTP.md for the LMS config: TrustZone on (this mass-erases),
     * the watermarks, the OTP keystore, wolfBoot at 0x0C000000 and an image in BOOT. The board is
     * left powered off; powering it on boots it.
     */
    public static void provisionLms(VirtualBoard board, byte[] bootImage) throws BusFault {
        board.powerOff();
        BoardProgrammer programmer = new BoardProgrammer(board);
        programmer.enableTrustZone();
        programmer.secureWatermarks(WOLFBOOT_LAST_SECTOR, LAST_SECTOR);
        programmer.programOtp(TestFixtures.read(TestFixtures.lmsVector("otp.bin")));
        programmer.programSecure(0x0C00_0000L, TestFixtures.read(TestFixtures.virtualBoard("wolfboot-lms.bin")));
        if (bootImage != null) {
            programmer.programNonSecure(0x0806_0000L, bootImage);
        }
    }

    /** TZEN=0xB4 and a SoC reset to latch it; the board must be powered off. */
    public void enableTrustZone() throws BusFault {
        if (board.powered()) {
            throw new IllegalStateException("power the board off before changing TZEN");
        }
        unlockOptions();
        long optsr2 = read(BASE_NS + OPTSR2_PRG, NON_SECURE);
        write(BASE_NS + OPTSR2_PRG, (optsr2 & 0x00FF_FFFFL) | 0xB4L << 24, NON_SECURE);
        launchOptions();
        soc.systemReset("TZEN launched");
    }

    /** SECWM1 = sectors 0..end1 of bank 1, SECWM2 = 0..end2 of bank 2 (secure registers). */
    public void secureWatermarks(int end1, int end2) throws BusFault {
        unlockOptions();
        write(BASE_S + SECWM1R_PRG, (long) end1 << 16, SECURE);
        write(BASE_S + SECWM2R_PRG, (long) end2 << 16, SECURE);
        launchOptions();
    }

    public void programSecure(long address, byte[] data) throws BusFault {
        program(address, data, BASE_S, SECKEYR, SECCR, SECURE);
    }

    public void programNonSecure(long address, byte[] data) throws BusFault {
        program(address, data, BASE_NS, NSKEYR, NSCR, NON_SECURE);
    }

    /** Programs every OTP half-word that is not 0xFFFF in {@code image} (2048 bytes from 0x08FFF000). */
    public void programOtp(byte[] image) throws BusFault {
        unlock(BASE_NS, NSKEYR, NSCR, NON_SECURE);
        write(BASE_NS + NSCR, CR_PG, NON_SECURE);
        for (int offset = 0; offset < image.length; offset += 2) {
            int half = (image[offset] & 0xFF) | (image[offset + 1] & 0xFF) << 8;
            if (half != 0xFFFF) {
                soc.write(Stm32h563.OTP_BASE + offset, 2, half, NON_SECURE);
            }
        }
        write(BASE_NS + NSCR, CR_LOCK, NON_SECURE);
        checkNoError(BASE_NS + NSSR, NON_SECURE, "OTP");
    }

    private void program(long address, byte[] data, long base, int keyRegister, int controlRegister, BusAccess access)
            throws BusFault {
        unlock(base, keyRegister, controlRegister, access);
        write(base + controlRegister, CR_PG, access);
        byte[] padded = Arrays.copyOf(data, (data.length + 15) / 16 * 16);
        Arrays.fill(padded, data.length, padded.length, (byte) 0xFF);
        for (int i = 0; i < padded.length; i += 4) {
            long word = (padded[i] & 0xFFL) | (padded[i + 1] & 0xFFL) << 8 | (padded[i + 2] & 0xFFL) << 16
                    | (padded[i + 3] & 0xFFL) << 24;
            soc.write(address + i, 4, word, access);
        }
        write(base + controlRegister, CR_LOCK, access);
        checkNoError(base + (controlRegister == SECCR ? SECSR : NSSR), access, String.format("program 0x%08X", address));
    }

    private void unlock(long base, int keyRegister, int controlRegister, BusAccess access) throws BusFault {
        if ((read(base + controlRegister, access) & CR_LOCK) != 0) {
            write(base + keyRegister, KEY1 & 0xFFFF_FFFFL, access);
            write(base + keyRegister, KEY2 & 0xFFFF_FFFFL, access);
        }
    }

    private void unlockOptions() throws BusFault {
        if ((read(BASE_NS + OPTCR, NON_SECURE) & OPTCR_OPTLOCK) != 0) {
            write(BASE_NS + OPTKEYR, OPTKEY1, NON_SECURE);
            write(BASE_NS + OPTKEYR, OPTKEY2, NON_SECURE);
        }
    }

    private void launchOptions() throws BusFault {
        write(BASE_NS + OPTCR, OPTCR_OPTSTRT, NON_SECURE);
        checkNoError(BASE_NS + NSSR, NON_SECURE, "option bytes");
        write(BASE_NS + OPTCR, OPTCR_OPTLOCK, NON_SECURE);
    }

    private void checkNoError(long statusRegister, BusAccess access, String what) throws BusFault {
        long flags = read(statusRegister, access) & 0x00FE_0000L;
        if (flags != 0) {
            throw new IllegalStateException(String.format("%s: flash error flags 0x%08X", what, flags));
        }
    }

    private long read(long address, BusAccess access) throws BusFault {
        return soc.read(address, 4, access);
    }

    private void write(long address, long value, BusAccess access) throws BusFault {
        soc.write(address, 4, value & 0xFFFF_FFFFL, access);
    }
}
