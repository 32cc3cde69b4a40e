package io.bootrig.rig.console;

import io.bootrig.rig.console.TranscriptEntry.Mode;
import io.bootrig.rig.link.ByteLink;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;

/** The console's link as raw bytes, for XMODEM: reads the console's buffer, writes the link, transcribes both. */
final class ConsoleByteLink implements ByteLink {
    private final Console console;
    private final Mode mode;
    private volatile boolean closed;

    ConsoleByteLink(Console console, Mode mode) {
        this.console = console;
        this.mode = mode;
    }

    Mode mode() {
        return mode;
    }

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException {
        requireOpen();
        return console.take(buffer, offset, length, timeout);
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        requireOpen();
        console.write(Arrays.copyOfRange(data, offset, offset + length), mode);
    }

    private void requireOpen() throws IOException {
        if (closed) {
            throw new IOException("the console's byte view is closed");
        }
    }

    @Override
    public String describe() {
        return console.describe() + " (console byte view)";
    }

    /** Ends the view and gives the console back to expect/send; the link itself stays open. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            console.viewClosed(this);
        }
    }
}
