package io.bootrig.board.uart;

/**
 * The host side of the board's console, what the ST-LINK's virtual COM port is on a real board: a
 * pseudo-terminal, a raw TCP port, or nothing. Like the ST-LINK VCP, it drops what the board sends
 * while no host has it open.
 */
public interface ConsoleEndpoint extends AutoCloseable {
    /** What the rig opens: "/dev/pts/7", "tcp://127.0.0.1:40123", or "none". */
    String address();

    /** Whether a host has the console open now. */
    boolean connected();

    /** Sends board output to the host; dropped when no host is connected. */
    void write(byte[] bytes, int length);

    /** Starts passing host input to {@code sink}. */
    void start(HostBytes sink);

    @Override
    void close();
}
