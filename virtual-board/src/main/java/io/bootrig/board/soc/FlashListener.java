package io.bootrig.board.soc;

/**
 * Receives flash events. Called on the thread that made the bus access, while the SoC is locked:
 * a listener may use the SoC's direct accessors but must not block.
 */
@FunctionalInterface
public interface FlashListener {
    void onFlashEvent(FlashEvent event);
}
