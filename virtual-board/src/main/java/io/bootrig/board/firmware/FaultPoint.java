package io.bootrig.board.firmware;

/** Places in the firmware models where an armed fault may strike. */
public enum FaultPoint {
    /** The test application accepted XMODEM block N (1-based) of an update and has not written it yet. */
    XMODEM_BLOCK,
    /** The test application's update_trigger has just marked the UPDATE partition UPDATING. */
    UPDATE_TRIGGERED,
    /** wolfBoot staged the SWAP_BANK toggle and the watermarks and is about to set OPTSTRT. */
    BANK_SWAP_STAGED,
    /** wolfBoot's OPTSTRT has committed the swap; the system reset has not happened yet. */
    BANK_SWAP_COMMITTED
}
