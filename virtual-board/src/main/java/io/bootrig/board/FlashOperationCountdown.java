package io.bootrig.board;

import io.bootrig.board.soc.FlashEvent;
import io.bootrig.board.soc.FlashListener;

/**
 * Counts completed flash operations and runs an action once, right after the Nth. One operation:
 * a quad-word programmed, a sector, bank or mass erase, an OTP half-word written, an option-byte
 * commit (the user-flash erase a TZEN change brings is part of its commit).
 */
final class FlashOperationCountdown implements FlashListener {
    private final long count;
    private final Runnable action;
    private long seen;

    FlashOperationCountdown(long count, Runnable action) {
        this.count = count;
        this.action = action;
    }

    @Override
    public void onFlashEvent(FlashEvent event) {
        if (!isOperation(event)) {
            return;
        }
        boolean now;
        synchronized (this) {
            seen++;
            now = seen == count;
        }
        if (now) {
            action.run();
        }
    }

    synchronized long operationsSeen() {
        return seen;
    }

    private static boolean isOperation(FlashEvent event) {
        if (event instanceof FlashEvent.MassErased erased) {
            return !erased.cause().startsWith("TZEN");
        }
        return !(event instanceof FlashEvent.OperationFailed);
    }
}
