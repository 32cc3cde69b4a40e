package io.bootrig.board.debug;

/**
 * Where and in which security state the core starts after a reset. The SoC decides it (boot
 * address option bytes, TZEN); the debug port asks for it at every reset.
 *
 * @param vectorTable the reset value of VTOR: the core loads MSP from it and PC from it + 4
 * @param secure      the core starts in secure state (DSCSR.CDS), and fetches its vectors secure
 */
public record BootConfig(long vectorTable, boolean secure) {
    /** The STM32H5 with TrustZone disabled: non-secure boot from user flash. */
    public static final BootConfig USER_FLASH_NON_SECURE = new BootConfig(0x0800_0000L, false);
}
