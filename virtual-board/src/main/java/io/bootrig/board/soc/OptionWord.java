package io.bootrig.board.soc;

import java.util.Optional;

/**
 * The option-byte words: each has a {@code _CUR} register (the value in effect) and a {@code _PRG}
 * register 4 bytes above it (the value the next OPTSTRT commits), and a factory value.
 */
public enum OptionWord {
    /** BOR, watchdogs, PRODUCT_STATE [15:8] = Open 0xED, BOOT_UBE [29:22] = 0xB4, SWAP_BANK b31 = 0. */
    OPTSR(FlashRegisters.OPTSR_CUR, false, 0x2D30_EDD8),
    NSEPOCHR(FlashRegisters.NSEPOCHR_CUR, false, 0),
    SECEPOCHR(FlashRegisters.SECEPOCHR_CUR, true, 0),
    /** TZEN [31:24] = 0xC3 (disabled); SRAM reset and ECC option bits set. */
    OPTSR2(FlashRegisters.OPTSR2_CUR, false, 0xC300_007C),
    /** NSBOOTADD 0x08000000, NSBOOT_LOCK 0xC3 (unlocked). */
    NSBOOTR(FlashRegisters.NSBOOTR_CUR, false, 0x0800_00C3),
    /** SECBOOTADD 0x0C000000, SECBOOT_LOCK 0xC3 (unlocked). */
    SECBOOTR(FlashRegisters.SECBOOTR_CUR, true, 0x0C00_00C3),
    OTPBLR(FlashRegisters.OTPBLR_CUR, false, 0),
    /** SECWM1 start 0, end 0x7F: bank 1 entirely secure once TZEN=0xB4. */
    SECWM1R(FlashRegisters.SECWM1R_CUR, true, 0x007F_0000),
    /** Every bit set: no write-protected group. */
    WRP1R(FlashRegisters.WRP1R_CUR, false, 0xFFFF_FFFF),
    EDATA1R(FlashRegisters.EDATA1R_CUR, false, 0),
    /** HDP start 0x7F > end 0: no hide-protection area. */
    HDP1R(FlashRegisters.HDP1R_CUR, false, 0x0000_007F),
    SECWM2R(FlashRegisters.SECWM2R_CUR, true, 0x007F_0000),
    WRP2R(FlashRegisters.WRP2R_CUR, false, 0xFFFF_FFFF),
    EDATA2R(FlashRegisters.EDATA2R_CUR, false, 0),
    HDP2R(FlashRegisters.HDP2R_CUR, false, 0x0000_007F);

    private final int currentOffset;
    private final boolean secure;
    private final int factoryValue;

    OptionWord(int currentOffset, boolean secure, int factoryValue) {
        this.currentOffset = currentOffset;
        this.secure = secure;
        this.factoryValue = factoryValue;
    }

    public int currentOffset() {
        return currentOffset;
    }

    public int programOffset() {
        return currentOffset + 4;
    }

    /** Whether its {@code _PRG} register is a secure register (TrustZone on, secure access only). */
    public boolean secure() {
        return secure;
    }

    public int factoryValue() {
        return factoryValue;
    }

    static Optional<OptionWord> atCurrentOffset(int offset) {
        for (OptionWord word : values()) {
            if (word.currentOffset == offset) {
                return Optional.of(word);
            }
        }
        return Optional.empty();
    }

    static Optional<OptionWord> atProgramOffset(int offset) {
        for (OptionWord word : values()) {
            if (word.programOffset() == offset) {
                return Optional.of(word);
            }
        }
        return Optional.empty();
    }
}
