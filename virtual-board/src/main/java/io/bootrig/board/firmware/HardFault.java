package io.bootrig.board.firmware;

import io.bootrig.board.bus.BusFault;

/**
 * A bus error taken by firmware: on the real part a HardFault, whose default handler loops. The
 * runner catches it and leaves the core idle; the boot ROM catches it to decide nothing runs.
 */
public final class HardFault extends RuntimeException {
    HardFault(BusFault cause) {
        super(cause.getMessage(), cause, false, false);
    }
}
