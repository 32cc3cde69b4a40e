package io.bootrig.rig.stm32h5;

/**
 * The option bytes the rig reads and sets, decoded from their _CUR registers.
 *
 * @param tzen      OPTSR2.TZEN raw (0xB4 enabled, 0xC3 disabled)
 * @param swapBank  OPTSR.SWAP_BANK
 * @param productState OPTSR.PRODUCT_STATE
 * @param secwm1    SECWM1R (bank 1)
 * @param secwm2    SECWM2R (bank 2)
 * @param optsr     OPTSR_CUR raw
 * @param optsr2    OPTSR2_CUR raw
 */
public record OptionBytes(int tzen, boolean swapBank, ProductState productState, SecureWatermark secwm1,
        SecureWatermark secwm2, long optsr, long optsr2) {
    public static final int TZEN_ENABLED = 0xB4;
    public static final int TZEN_DISABLED = 0xC3;

    public boolean trustZone() {
        return tzen == TZEN_ENABLED;
    }

    static OptionBytes decode(long optsr, long optsr2, long secwm1, long secwm2) {
        return new OptionBytes((int) ((optsr2 >>> 24) & 0xFF), ((optsr >>> 31) & 1) == 1,
                ProductState.of((int) ((optsr >>> 8) & 0xFF)), SecureWatermark.fromRegister(secwm1),
                SecureWatermark.fromRegister(secwm2), optsr, optsr2);
    }
}
