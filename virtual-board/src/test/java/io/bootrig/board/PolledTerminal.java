package io.bootrig.board;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The console's pty slave held open by the test and read only while the test waits for text, so
 * another program (socat) can share the line in between without the board seeing a hang-up.
 */
final class PolledTerminal implements AutoCloseable {
    private final FileInputStream in;
    private final FileOutputStream out;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();

    PolledTerminal(String slavePath) throws IOException {
        this.in = new FileInputStream(slavePath);
        this.out = new FileOutputStream(slavePath);
    }

    int size() {
        return received.size();
    }

    /** Adds what another program read from the line while it shared it, so the transcript stays whole. */
    void readElsewhere(byte[] bytes) {
        received.write(bytes, 0, bytes.length);
    }

    void send(String text) {
        try {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads what is pending until the text since {@code mark} contains {@code expected}; returns it. */
    String awaitText(int mark, String expected, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(10)).until(() -> {
            drain();
            return textSince(mark).contains(expected);
        });
        String text = textSince(mark);
        return text.substring(0, text.indexOf(expected) + expected.length());
    }

    private String textSince(int mark) {
        byte[] all = received.toByteArray();
        return new String(all, mark, all.length - mark, StandardCharsets.ISO_8859_1);
    }

    private void drain() throws IOException {
        byte[] buffer = new byte[4096];
        int available;
        while ((available = in.available()) > 0) {
            int n = in.read(buffer, 0, Math.min(buffer.length, available));
            received.write(buffer, 0, n);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            in.close();
        } finally {
            out.close();
        }
    }
}
