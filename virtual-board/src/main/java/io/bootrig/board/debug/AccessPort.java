package io.bootrig.board.debug;

import io.bootrig.board.bus.BusFault;

/**
 * An ADIv5 access port as the DP sees it. {@code register} is the byte offset in the AP's
 * register space, APBANKSEL &lt;&lt; 4 | A[3:2] &lt;&lt; 2 (0x00 to 0xFC). A fault sets the DP's STICKYERR.
 */
interface AccessPort {
    long read(int register) throws BusFault;

    void write(int register, long value) throws BusFault;

    /** Back to the power-on state. */
    void reset();
}
