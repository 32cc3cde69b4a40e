package io.bootrig.rig.lease;

import java.util.Optional;

/** A board could not be leased (someone else holds it) or the lease files cannot be used: an infrastructure failure. */
public final class LeaseException extends RuntimeException {
    private final transient LeaseRecord holder;

    public LeaseException(String message, LeaseRecord holder) {
        super(message);
        this.holder = holder;
    }

    public LeaseException(String message, Throwable cause) {
        super(message, cause);
        this.holder = null;
    }

    /** Who holds the board, when that is why the lease was refused. */
    public Optional<LeaseRecord> holder() {
        return Optional.ofNullable(holder);
    }
}
