package io.bootrig.board.firmware;

/**
 * Where the board's fault injector learns that a model reached a {@link FaultPoint}. Called on the
 * firmware's thread with no lock held.
 */
@FunctionalInterface
public interface FaultHooks {
    FaultHooks NONE = (point, value) -> false;

    /** Returns true when an armed power cut strikes here; the runner then cuts the power. */
    boolean reached(FaultPoint point, long value);
}
