package io.bootrig.board.uart;

/** Where a console endpoint hands the bytes the host (the rig) sends to the board. */
@FunctionalInterface
public interface HostBytes {
    /** Called on the endpoint's reader thread; may block (line pacing) to slow the host down. */
    void received(byte[] bytes, int length);
}
