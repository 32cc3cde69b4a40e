package io.bootrig.board.debug;

/**
 * Told about every run-state change of the core. It is called synchronously on the thread that
 * caused the change (usually the debug port's server thread) while the debug port's lock is held,
 * so the debugger's next transaction waits until it returns: it must be quick and must not wait
 * for another thread that uses the debug port. A reset is reported as {@link CoreRunState#RESET}
 * followed by the state the core leaves reset in (unless it stays held).
 */
@FunctionalInterface
public interface RunStateListener {
    void runStateChanged(CoreRunState newState);
}
