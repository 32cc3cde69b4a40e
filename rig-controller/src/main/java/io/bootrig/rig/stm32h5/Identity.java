package io.bootrig.rig.stm32h5;

/**
 * What a board says it is.
 *
 * @param deviceId   DBGMCU_IDCODE.DEV_ID (0x484 for STM32H56x/H57x)
 * @param revisionId DBGMCU_IDCODE.REV_ID
 * @param uid        the 96-bit unique id as 24 hex digits
 * @param flashKb    flash size in KB
 * @param options    the option bytes in effect
 * @param otpLocks   OTPBLR_CUR: one lock bit per 64-byte OTP block
 */
public record Identity(int deviceId, int revisionId, String uid, int flashKb, OptionBytes options, long otpLocks) {
    public static final int STM32H56X = 0x484;
}
