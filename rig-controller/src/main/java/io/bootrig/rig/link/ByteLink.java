package io.bootrig.rig.link;

import java.io.IOException;
import java.time.Duration;

/**
 * A bidirectional byte stream to a board's UART: a serial device, a raw TCP port (ser2net), RFC 2217,
 * or the console's own view of one. The protocols (console, XMODEM) run over this.
 */
public interface ByteLink extends AutoCloseable {
    /**
     * Reads what is available, waiting at most {@code timeout} for the first byte.
     *
     * @return the number of bytes read, 0 when the timeout passed with nothing to read
     * @throws LinkLostException when the other end is gone (device unplugged, socket closed)
     */
    int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException;

    /** Writes all bytes. */
    void write(byte[] data, int offset, int length) throws IOException;

    default void write(byte[] data) throws IOException {
        write(data, 0, data.length);
    }

    /** Where the link goes, for messages and transcripts: "/dev/ttyACM0 115200 8N1", "tcp://127.0.0.1:4001". */
    String describe();

    @Override
    void close();
}
