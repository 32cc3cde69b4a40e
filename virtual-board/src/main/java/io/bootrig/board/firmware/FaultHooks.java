package io.bootrig.board.firmware;

/**
 * Where the board's fault injector learns that a model reached a {@link FaultPoint}. Called on the
 * firmware's thread with no lock held; it may cut the power, which aborts the run.
 */
@FunctionalInterface
public interface FaultHooks {
    FaultHooks NONE = (point, value) -> { };

    void reached(FaultPoint point, long value);
}
