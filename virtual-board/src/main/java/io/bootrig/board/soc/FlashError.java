package io.bootrig.board.soc;

/** The error flags of NSSR / SECSR (bits 17–23); OPTCHANGEERR exists in NSSR only. */
public enum FlashError {
    WRPERR(FlashRegisters.SR_WRPERR),
    PGSERR(FlashRegisters.SR_PGSERR),
    STRBERR(FlashRegisters.SR_STRBERR),
    INCERR(FlashRegisters.SR_INCERR),
    OBKERR(FlashRegisters.SR_OBKERR),
    OBKWERR(FlashRegisters.SR_OBKWERR),
    OPTCHANGEERR(FlashRegisters.SR_OPTCHANGEERR);

    private final int mask;

    FlashError(int mask) {
        this.mask = mask;
    }

    /** The flag's bit in NSSR / SECSR, and its clear bit in NSCCR / SECCCR. */
    public int mask() {
        return mask;
    }
}
