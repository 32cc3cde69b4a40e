package io.bootrig.rig.xmodem;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * An XMODEM transfer that the other side refused or abandoned, or that could not be finished (a product failure).
 * A link that went away is a {@link io.bootrig.rig.link.LinkLostException} instead.
 */
public final class XmodemException extends Exception {
    /** Why the transfer failed. */
    public enum Failure {
        /** Sender: no NAK or 'C' arrived within the start timeout. */
        NO_RECEIVER,
        /** Sender: a block drew NAKs until the transmission limit. */
        TOO_MANY_NAKS,
        /** Sender: a block drew no answer at all, transmission after transmission. */
        NO_RESPONSE,
        /**
         * Sender: the receiver had taken a block, its ACK was lost, and it NAKs the retransmission forever (the
         * STM32H5 test application's receiver does this).
         */
        DUPLICATE_BLOCK_TRAP,
        /** Sender: EOT was never acknowledged. */
        EOT_NOT_ACKNOWLEDGED,
        /** Sender: the receiver sent CAN CAN. */
        RECEIVER_CANCELLED,
        /** Receiver: no data block arrived within the start timeout. */
        NO_SENDER,
        /** Receiver: the sender sent CAN CAN. */
        SENDER_CANCELLED,
        /** Receiver: a block arrived out of order (neither the next one nor a repeat of the last). */
        BAD_SEQUENCE,
        /** Receiver: too many bad or missing packets in a row. */
        TOO_MANY_ERRORS,
        /** This side gave up because its thread was interrupted. */
        ABORTED
    }

    private final Failure failure;
    private final OptionalInt block;
    private final transient Timeline timeline;

    XmodemException(Failure failure, OptionalInt block, Timeline timeline, String message) {
        super(message);
        this.failure = failure;
        this.block = block;
        this.timeline = timeline;
    }

    public Failure failure() {
        return failure;
    }

    /** The 1-based block the failure concerns, when it concerns one. */
    public OptionalInt block() {
        return block;
    }

    /** The sender's timeline up to the failure (empty for a receiver's failure). */
    public Optional<Timeline> timeline() {
        return Optional.ofNullable(timeline);
    }
}
