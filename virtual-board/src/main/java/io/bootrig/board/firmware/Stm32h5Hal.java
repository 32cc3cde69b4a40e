package io.bootrig.board.firmware;

import static io.bootrig.board.soc.FlashRegisters.*;

import java.util.ArrayList;
import java.util.List;

/**
 * wolfBoot's hal/stm32h5.c, register by register, for a secure (TZEN=1: registers through
 * 0x50022000, SECKEYR/SECSR/SECCR, secure accesses) or a non-secure build. Flash operations check
 * the error flags afterwards and report failure as wolfBoot's -1; an OTP read-back mismatch hangs,
 * as hal_flash_otp_write does.
 */
final class Stm32h5Hal {
    static final long FLASH_BASE = 0x0800_0000L;
    static final long FLASH_BANK2_BASE = 0x0810_0000L;
    static final long FLASH_END = 0x0820_0000L;
    static final long SECURE_ALIAS_BIT = 0x0400_0000L;
    static final long OTP_BASE = 0x08FF_F000L;
    static final long OTP_END = 0x08FF_F7FFL;
    static final int PAGE_SIZE = 0x2000;
    private static final int ERROR_FLAGS = 0x00FE_0000;
    private static final int QUAD_WORD = 16;
    private static final long BANK_SELECT = CR_BKSEL & 0xFFFF_FFFFL;

    /** Where writes and erases must first claim non-secure pages as secure (SECBB), as is_flash_nonsecure says. */
    record NonSecureArea(long start, long end) {
        boolean contains(long nonSecureAddress) {
            return nonSecureAddress >= start && nonSecureAddress < end;
        }
    }

    private record ClaimedPage(int bank, int page) {
    }

    private final Mcu mcu;
    private final boolean secure;
    private final NonSecureArea nonSecureArea;
    private final FirmwareKind owner;

    Stm32h5Hal(Mcu mcu, boolean secure, NonSecureArea nonSecureArea, FirmwareKind owner) {
        this.mcu = mcu;
        this.secure = secure;
        this.nonSecureArea = nonSecureArea;
        this.owner = owner;
    }

    boolean secureBuild() {
        return secure;
    }

    // ---- flash ----

    void unlock() {
        unlock(secure ? SECKEYR : NSKEYR, control());
    }

    void lock() {
        setControlBits(control(), CR_LOCK);
    }

    /** Writes {@code data} at {@code address}: quad-word by quad-word, each completed from the current contents. */
    boolean write(long address, byte[] data) {
        clearErrors(status(), clear());
        List<ClaimedPage> claimed = claimIfNonSecure(address, data.length);
        long destination = secure ? toSecure(address) : address;
        boolean ok = true;
        try {
            for (long quad = destination & ~(QUAD_WORD - 1L); quad < destination + data.length && ok; quad += QUAD_WORD) {
                byte[] words = mcu.read(quad, QUAD_WORD, secure);
                for (int i = 0; i < QUAD_WORD; i++) {
                    long at = quad + i - destination;
                    if (at >= 0 && at < data.length) {
                        words[i] = data[(int) at];
                    }
                }
                setControlBits(control(), CR_PG);
                for (int i = 0; i < QUAD_WORD; i += 4) {
                    mcu.write32(quad + i, littleEndian(words, i), secure);
                }
                ok = completed();
                clearControlBits(control(), CR_PG);
            }
        } finally {
            release(claimed);
        }
        return ok;
    }

    /** Erases the 8 KB pages covering {@code address .. address + length}. */
    boolean erase(long address, long length) {
        clearErrors(status(), clear());
        List<ClaimedPage> claimed = claimIfNonSecure(address, length);
        boolean ok = true;
        try {
            boolean swapped = banksSwapped();
            for (long page = address; page < address + length && ok; page += PAGE_SIZE) {
                long nonSecure = toNonSecure(page);
                if (nonSecure < FLASH_BASE || nonSecure >= FLASH_END) {
                    return false;
                }
                int bank = nonSecure >= FLASH_BANK2_BASE ? 1 : 0;
                int sector = (int) ((nonSecure - (bank == 1 ? FLASH_BANK2_BASE : FLASH_BASE)) >> 13);
                if (swapped) {
                    bank ^= 1;
                }
                long cr = mcu.read32(control(), secure);
                cr &= ~(CR_SNB_MASK | BANK_SELECT);
                cr |= CR_SER | ((long) sector << CR_SNB_SHIFT) | (bank == 1 ? BANK_SELECT : 0) | CR_STRT;
                mcu.write32(control(), cr, secure);
                ok = completed();
            }
            clearControlBits(control(), CR_SER);
        } finally {
            release(claimed);
        }
        return ok;
    }

    /** OPTSR_CUR.SWAP_BANK. */
    boolean banksSwapped() {
        return (mcu.read32(register(OPTSR_CUR), secure) & 0x8000_0000L) != 0;
    }

    // ---- OTP (always through NSCR) ----

    /** hal_flash_otp_write: two half-words per step, read back, hang on a mismatch. */
    boolean otpWrite(long address, byte[] data) {
        if (address < OTP_BASE || address > OTP_END || (address & 1) != 0) {
            return false;
        }
        unlock(NSKEYR, register(NSCR));
        clearErrors(register(NSSR), register(NSCCR));
        int length = data.length / 2 * 2;
        int index = 0;
        while (index < length && address <= OTP_END - 1) {
            int low = halfWord(data, index);
            int high = halfWord(data, index + 2);
            setControlBits(register(NSCR), CR_PG);
            mcu.write16(address, low, secure);
            mcu.write16(address + 2, high, secure);
            mcu.read32(register(NSSR), secure);
            int readHigh = mcu.read16(address + 2, secure);
            int readLow = mcu.read16(address, secure);
            if (readLow != low || readHigh != high) {
                throw mcu.hang(owner, String.format(
                        "hung: OTP read-back mismatch at 0x%08X (wrote %04x %04x, read %04x %04x); OTP already programmed?",
                        address, low, high, readLow, readHigh));
            }
            clearControlBits(register(NSCR), CR_PG);
            address += 4;
            index += 4;
        }
        setControlBits(register(NSCR), CR_LOCK);
        return true;
    }

    /** hal_flash_otp_read: 16-bit reads. */
    byte[] otpRead(int offset, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i += 2) {
            int half = mcu.read16(OTP_BASE + offset + i, secure);
            bytes[i] = (byte) half;
            if (i + 1 < length) {
                bytes[i + 1] = (byte) (half >>> 8);
            }
        }
        return bytes;
    }

    /** hal_flash_otp_set_readonly: sets the OTPBLR_PRG bits and spins until OTPBLR_CUR shows them. */
    void otpSetReadOnly(long mask) {
        long programmed = mcu.read32(register(OTPBLR_PRG), secure);
        mcu.write32(register(OTPBLR_PRG), programmed | mask, secure);
        if ((mcu.read32(register(OTPBLR_CUR), secure) & mask) != mask) {
            throw mcu.hang(owner, "hung: waiting for OTPBLR_CUR to show the write protection");
        }
    }

    // ---- option bytes ----

    void optionBytesUnlock() {
        if ((mcu.read32(register(OPTCR), secure) & OPTCR_OPTLOCK) != 0) {
            mcu.write32(register(OPTKEYR), OPTKEY1 & 0xFFFF_FFFFL, secure);
            mcu.write32(register(OPTKEYR), OPTKEY2 & 0xFFFF_FFFFL, secure);
        }
    }

    void optionBytesLock() {
        setControlBits(register(OPTCR), OPTCR_OPTLOCK);
    }

    long readRegister(int offset) {
        return mcu.read32(register(offset), secure);
    }

    void writeRegister(int offset, long value) {
        mcu.write32(register(offset), value, secure);
    }

    /** OPTSTRT, then wait while busy. */
    void optionBytesLaunch() {
        setControlBits(register(OPTCR), OPTCR_OPTSTRT);
        completed();
    }

    // ---- TrustZone: non-secure pages claimed as secure while wolfBoot writes them ----

    private List<ClaimedPage> claimIfNonSecure(long address, long length) {
        List<ClaimedPage> claimed = new ArrayList<>();
        if (!secure || nonSecureArea == null || !nonSecureArea.contains(toNonSecure(address))) {
            return claimed;
        }
        boolean swapped = banksSwapped();
        for (long page = toNonSecure(address) & ~(PAGE_SIZE - 1L); page < toNonSecure(address) + length; page += PAGE_SIZE) {
            int bank = page >= FLASH_BANK2_BASE ? 2 : 1;
            int index = (int) ((page - (bank == 2 ? FLASH_BANK2_BASE : FLASH_BASE)) / PAGE_SIZE);
            if (swapped) {
                bank = 3 - bank;
            }
            ClaimedPage claim = new ClaimedPage(bank, index);
            setSecureBlock(claim, true);
            claimed.add(claim);
        }
        return claimed;
    }

    private void release(List<ClaimedPage> claimed) {
        for (ClaimedPage page : claimed) {
            setSecureBlock(page, false);
        }
    }

    private void setSecureBlock(ClaimedPage page, boolean on) {
        long reg = register((page.bank() == 1 ? SECBB1R1 : SECBB2R1) + 4 * (page.page() / 32));
        long bit = 1L << (page.page() % 32);
        long value = mcu.read32(reg, secure);
        mcu.write32(reg, on ? value | bit : value & ~bit, secure);
    }

    // ---- registers ----

    private long register(int offset) {
        return (secure ? BASE_S : BASE_NS) + offset;
    }

    private long control() {
        return register(secure ? SECCR : NSCR);
    }

    private long status() {
        return register(secure ? SECSR : NSSR);
    }

    private long clear() {
        return register(secure ? SECCCR : NSCCR);
    }

    private void unlock(int keyOffset, long controlRegister) {
        if ((mcu.read32(controlRegister, secure) & CR_LOCK) != 0) {
            mcu.write32(register(keyOffset), KEY1 & 0xFFFF_FFFFL, secure);
            mcu.write32(register(keyOffset), KEY2 & 0xFFFF_FFFFL, secure);
            if ((mcu.read32(controlRegister, secure) & CR_LOCK) != 0) {
                throw mcu.hang(owner, "hung: flash stays locked after the unlock keys");
            }
        }
    }

    /** flash_wait_complete and the error check: false if an error flag is set (then cleared). */
    private boolean completed() {
        long flags = mcu.read32(status(), secure);
        if ((flags & ERROR_FLAGS) == 0) {
            return true;
        }
        mcu.write32(clear(), flags & ERROR_FLAGS, secure);
        return false;
    }

    private void clearErrors(long statusRegister, long clearRegister) {
        long flags = mcu.read32(statusRegister, secure);
        if ((flags & ERROR_FLAGS) != 0) {
            mcu.write32(clearRegister, flags & ERROR_FLAGS, secure);
        }
    }

    private void setControlBits(long register, int bits) {
        mcu.write32(register, mcu.read32(register, secure) | (bits & 0xFFFF_FFFFL), secure);
    }

    private void clearControlBits(long register, int bits) {
        mcu.write32(register, mcu.read32(register, secure) & ~(bits & 0xFFFF_FFFFL), secure);
    }

    static long toSecure(long address) {
        return address >= FLASH_BASE && address < FLASH_END ? address | SECURE_ALIAS_BIT : address;
    }

    static long toNonSecure(long address) {
        return address & ~SECURE_ALIAS_BIT;
    }

    private static long littleEndian(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFFL) | (bytes[offset + 1] & 0xFFL) << 8 | (bytes[offset + 2] & 0xFFL) << 16
                | (bytes[offset + 3] & 0xFFL) << 24;
    }

    private static int halfWord(byte[] bytes, int offset) {
        int low = offset < bytes.length ? bytes[offset] & 0xFF : 0;
        int high = offset + 1 < bytes.length ? bytes[offset + 1] & 0xFF : 0;
        return low | high << 8;
    }
}
