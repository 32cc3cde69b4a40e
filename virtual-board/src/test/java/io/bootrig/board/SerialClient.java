package io.bootrig.board;

import static org.awaitility.Awaitility.await;

import com.fazecast.jSerialComm.SerialPort;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The rig's side of the console in tests: the pty slave opened with jSerialComm at 115200 8N1, as
 * the rig opens a real board's /dev/ttyACM0. Everything received is kept; a cursor hands bytes out
 * one by one for protocol tests.
 */
public final class SerialClient implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(20);

    private final SerialPort port;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final Thread reader;
    private volatile boolean closed;
    private int cursor;

    private SerialClient(SerialPort port) {
        this.port = port;
        this.reader = new Thread(this::readLoop, "serial-client " + port.getSystemPortPath());
        reader.setDaemon(true);
        reader.start();
    }

    public static SerialClient open(String path) {
        SerialPort port = SerialPort.getCommPort(path);
        port.setComPortParameters(115_200, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        if (!port.openPort()) {
            throw new IllegalStateException("cannot open " + path + ": error " + port.getLastErrorCode());
        }
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, 100, 1000);
        return new SerialClient(port);
    }

    public void send(String text) {
        send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public void send(byte[] bytes) {
        int written = port.writeBytes(bytes, bytes.length);
        if (written != bytes.length) {
            throw new IllegalStateException("wrote " + written + " of " + bytes.length + " bytes");
        }
    }

    /** Everything received so far, as ISO-8859-1 text. */
    public synchronized String text() {
        return received.toString(StandardCharsets.ISO_8859_1);
    }

    public synchronized int size() {
        return received.size();
    }

    /** The text received after {@code mark} (a {@link #size()} taken earlier). */
    public synchronized String textSince(int mark) {
        byte[] all = received.toByteArray();
        return new String(all, mark, all.length - mark, StandardCharsets.ISO_8859_1);
    }

    /** Waits until the text after {@code mark} contains {@code expected}; returns that text. */
    public String awaitText(int mark, String expected) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(10)).until(() -> textSince(mark).contains(expected));
        return textSince(mark);
    }

    /** The next byte after the cursor, waiting up to {@code timeout}; -1 if none arrives. */
    public int nextByte(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (cursor >= received.size()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return -1;
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
            }
            return received.toByteArray()[cursor++] & 0xFF;
        }
    }

    /** Moves the byte cursor to the end of what was received. */
    public synchronized void skipReceived() {
        cursor = received.size();
    }

    @Override
    public void close() {
        closed = true;
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            port.closePort();
        }
    }

    private void readLoop() {
        byte[] buffer = new byte[512];
        while (!closed) {
            int n = port.readBytes(buffer, buffer.length);
            if (n > 0) {
                synchronized (this) {
                    received.write(buffer, 0, n);
                    notifyAll();
                }
            } else if (n < 0) {
                return;
            }
        }
    }
}
