package io.bootrig.board.soc;

/** A flash operation refused or aborted by the controller: the status flag it raises and why. */
final class FlashOperationError extends Exception {
    private final FlashError error;

    FlashOperationError(FlashError error, String reason) {
        super(reason, null, false, false);
        this.error = error;
    }

    FlashError error() {
        return error;
    }
}
