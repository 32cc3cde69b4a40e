package io.bootrig.board.debug;

/** The adapter's reset outputs; each call reports a change of level. */
interface ResetSignals {
    void testReset(boolean asserted);

    void systemReset(boolean asserted);
}
