package io.bootrig.rig.xmodem;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import io.bootrig.rig.link.ByteLink;
import io.bootrig.rig.link.LinkLostException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * A serial device (or pseudo-terminal) at 8N1 without flow control, through jSerialComm.
 *
 * <p>Temporary home: this moves to {@code io.bootrig.rig.link} when the serial link lands there; it is public only
 * because {@code rig xmodem} in {@code io.bootrig.rig.cli} opens it.
 */
public final class SerialPortLink implements ByteLink {
    private static final int WRITE_TIMEOUT_MS = 5000;
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(2);
    private static final Duration POLL = Duration.ofMillis(1);
    /** VTIME is one byte of tenths of a second. */
    private static final int MAX_WAIT_MS = 25_500;
    private static final Duration CLOSE_GRACE = Duration.ofMillis(50);

    private final SerialPort port;
    private final String description;
    private int readTimeoutMs = -1;
    private volatile boolean wrote;
    private volatile long lastWriteNanos;

    private SerialPortLink(SerialPort port, String description) {
        this.port = port;
        this.description = description;
    }

    /**
     * Opens {@code device} at {@code baud} 8N1.
     *
     * @throws IOException the device does not exist or cannot be opened (busy, no permission)
     */
    public static SerialPortLink open(String device, int baud) throws IOException {
        if (!Files.exists(Path.of(device))) {
            throw new IOException(device + ": no such serial device");
        }
        SerialPort port;
        try {
            port = SerialPort.getCommPort(device);
        } catch (SerialPortInvalidPortException e) {
            throw new IOException(device + ": not a serial device (" + e.getMessage() + ")", e);
        }
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        if (!port.openPort()) {
            throw new IOException(device + ": cannot open (in use, or no permission; error "
                    + port.getLastErrorCode() + ")");
        }
        return new SerialPortLink(port, device + " " + baud + " 8N1");
    }

    /**
     * jSerialComm waits through termios VTIME, in tenths of a second: a semi-blocking read waits whole tenths and one
     * under 100 ms would not wait at all. So whole tenths wait in the driver and the rest is polled each millisecond.
     */
    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long tenths = timeout.toMillis() / 100;
        if (tenths > 0) {
            setReadTimeout((int) Math.min(tenths * 100, MAX_WAIT_MS));
            int n = checked(port.readBytes(buffer, length, offset));
            if (n > 0 || System.nanoTime() >= deadline) {
                return n;
            }
        }
        setReadTimeout(0);
        while (true) {
            int n = checked(port.readBytes(buffer, length, offset));
            long left = deadline - System.nanoTime();
            if (n > 0 || left <= 0) {
                return n;
            }
            LockSupport.parkNanos(Math.min(left, POLL.toNanos()));
        }
    }

    private int checked(int n) throws LinkLostException {
        if (n < 0) {
            throw new LinkLostException(description + ": the device went away (error " + port.getLastErrorCode() + ")");
        }
        return n;
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int n = port.writeBytes(data, length - done, offset + done);
            if (n < 0) {
                throw new LinkLostException(description + ": the device went away (error " + port.getLastErrorCode()
                        + ")");
            }
            if (n == 0) {
                throw new LinkLostException(description + ": nothing could be written for " + WRITE_TIMEOUT_MS + " ms");
            }
            done += n;
        }
        lastWriteNanos = System.nanoTime();
        wrote = true;
    }

    @Override
    public String describe() {
        return description;
    }

    /**
     * Closes once what was written has left: jSerialComm's close discards unsent output (tcflush), which would lose a
     * receiver's last ACK. A UART's queue can be watched; a pty's cannot (it reports 0 while the other side has not
     * read yet), so close also lets {@link #CLOSE_GRACE} pass after the last write.
     */
    @Override
    public void close() {
        long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
        while (port.bytesAwaitingWrite() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(POLL.toNanos());
        }
        long graceEnd = lastWriteNanos + CLOSE_GRACE.toNanos();
        for (long left = graceEnd - System.nanoTime(); wrote && left > 0; left = graceEnd - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
        port.closePort();
    }

    /** 0: return at once (in jSerialComm a semi-blocking read with 0 would wait forever). */
    private void setReadTimeout(int ms) {
        if (ms == readTimeoutMs) {
            return;
        }
        int mode = ms == 0 ? SerialPort.TIMEOUT_NONBLOCKING : SerialPort.TIMEOUT_READ_SEMI_BLOCKING;
        port.setComPortTimeouts(mode | SerialPort.TIMEOUT_WRITE_BLOCKING, ms, WRITE_TIMEOUT_MS);
        readTimeoutMs = ms;
    }
}
