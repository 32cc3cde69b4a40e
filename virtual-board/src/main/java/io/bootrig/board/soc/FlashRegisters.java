package io.bootrig.board.soc;

/**
 * The STM32H5 FLASH register file: offsets from the non-secure (0x40022000) or secure (0x50022000)
 * base, bits and keys, as stm32h5.md §2 gives them.
 */
public final class FlashRegisters {
    public static final long BASE_NS = 0x4002_2000L;
    public static final long BASE_S = 0x5002_2000L;
    /** The register window decoded at each base; offsets without a register in it are bus errors. */
    public static final int WINDOW_SIZE = 0x400;

    public static final int ACR = 0x000;
    public static final int NSKEYR = 0x004;
    public static final int SECKEYR = 0x008;
    public static final int OPTKEYR = 0x00C;
    public static final int NSOBKKEYR = 0x010;
    public static final int SECOBKKEYR = 0x014;
    public static final int OPSR = 0x018;
    public static final int OPTCR = 0x01C;
    public static final int NSSR = 0x020;
    public static final int SECSR = 0x024;
    public static final int NSCR = 0x028;
    public static final int SECCR = 0x02C;
    public static final int NSCCR = 0x030;
    public static final int SECCCR = 0x034;
    public static final int PRIVCFGR = 0x03C;
    public static final int NSOBKCFGR = 0x040;
    public static final int SECOBKCFGR = 0x044;
    public static final int HDPEXTR = 0x048;
    public static final int OPTSR_CUR = 0x050;
    public static final int OPTSR_PRG = 0x054;
    public static final int NSEPOCHR_CUR = 0x060;
    public static final int NSEPOCHR_PRG = 0x064;
    public static final int SECEPOCHR_CUR = 0x068;
    public static final int SECEPOCHR_PRG = 0x06C;
    public static final int OPTSR2_CUR = 0x070;
    public static final int OPTSR2_PRG = 0x074;
    public static final int NSBOOTR_CUR = 0x080;
    public static final int NSBOOTR_PRG = 0x084;
    public static final int SECBOOTR_CUR = 0x088;
    public static final int SECBOOTR_PRG = 0x08C;
    public static final int OTPBLR_CUR = 0x090;
    public static final int OTPBLR_PRG = 0x094;
    public static final int SECBB1R1 = 0x0A0;
    public static final int PRIVBB1R1 = 0x0C0;
    public static final int SECWM1R_CUR = 0x0E0;
    public static final int SECWM1R_PRG = 0x0E4;
    public static final int WRP1R_CUR = 0x0E8;
    public static final int WRP1R_PRG = 0x0EC;
    public static final int EDATA1R_CUR = 0x0F0;
    public static final int EDATA1R_PRG = 0x0F4;
    public static final int HDP1R_CUR = 0x0F8;
    public static final int HDP1R_PRG = 0x0FC;
    public static final int ECCCORR = 0x100;
    public static final int ECCDETR = 0x104;
    public static final int ECCDR = 0x108;
    public static final int SECBB2R1 = 0x1A0;
    public static final int PRIVBB2R1 = 0x1C0;
    public static final int SECWM2R_CUR = 0x1E0;
    public static final int SECWM2R_PRG = 0x1E4;
    public static final int WRP2R_CUR = 0x1E8;
    public static final int WRP2R_PRG = 0x1EC;
    public static final int EDATA2R_CUR = 0x1F0;
    public static final int EDATA2R_PRG = 0x1F4;
    public static final int HDP2R_CUR = 0x1F8;
    public static final int HDP2R_PRG = 0x1FC;

    public static final int KEY1 = 0x4567_0123;
    public static final int KEY2 = 0xCDEF_89AB;
    public static final int OPTKEY1 = 0x0819_2A3B;
    public static final int OPTKEY2 = 0x4C5D_6E7F;

    // NSSR / SECSR, and the same positions in NSCCR / SECCCR
    public static final int SR_BSY = 1;
    public static final int SR_WBNE = 1 << 1;
    public static final int SR_DBNE = 1 << 3;
    public static final int SR_EOP = 1 << 16;
    public static final int SR_WRPERR = 1 << 17;
    public static final int SR_PGSERR = 1 << 18;
    public static final int SR_STRBERR = 1 << 19;
    public static final int SR_INCERR = 1 << 20;
    public static final int SR_OBKERR = 1 << 21;
    public static final int SR_OBKWERR = 1 << 22;
    public static final int SR_OPTCHANGEERR = 1 << 23;

    // NSCR / SECCR
    public static final int CR_LOCK = 1;
    public static final int CR_PG = 1 << 1;
    public static final int CR_SER = 1 << 2;
    public static final int CR_BER = 1 << 3;
    public static final int CR_FW = 1 << 4;
    public static final int CR_STRT = 1 << 5;
    public static final int CR_SNB_SHIFT = 6;
    public static final int CR_SNB_MASK = 0x7F << CR_SNB_SHIFT;
    public static final int CR_MER = 1 << 15;
    public static final int CR_INV = 1 << 29;
    public static final int CR_BKSEL = 1 << 31;

    // OPTCR
    public static final int OPTCR_OPTLOCK = 1;
    public static final int OPTCR_OPTSTRT = 1 << 1;
    public static final int OPTCR_SWAP_BANK = 1 << 31;

    // ECCCORR / ECCDETR
    public static final int ECC_ADDR_MASK = 0xFFFF;
    public static final int ECC_BK_ECC = 1 << 22;
    public static final int ECC_OTP_ECC = 1 << 24;
    public static final int ECC_ECCIE = 1 << 25;
    public static final int ECC_ECCC = 1 << 30;
    public static final int ECC_ECCD = 1 << 31;

    private FlashRegisters() {
    }
}
