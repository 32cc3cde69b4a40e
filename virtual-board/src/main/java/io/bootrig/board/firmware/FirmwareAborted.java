package io.bootrig.board.firmware;

/**
 * Thrown out of every {@link Mcu} call once the firmware's run has ended (reset, power cut, board
 * closed): it unwinds the model. Models must let it pass.
 */
public final class FirmwareAborted extends RuntimeException {
    static final FirmwareAborted INSTANCE = new FirmwareAborted();

    private FirmwareAborted() {
        super("the firmware run was aborted", null, false, false);
    }
}
