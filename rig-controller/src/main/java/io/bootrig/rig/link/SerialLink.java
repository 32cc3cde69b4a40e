package io.bootrig.rig.link;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A local serial device through jSerialComm (an ST-LINK VCP such as /dev/ttyACM0, or a pseudo-terminal in tests).
 * The port is held with jSerialComm's exclusive lock; a read that returns -1 (EIO: the device went away) is a
 * {@link LinkLostException}.
 */
public final class SerialLink implements ByteLink {
    private static final int WRITE_TIMEOUT_MS = 10_000;
    private static final long DRAIN_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(2);
        private static final long CLOSE_GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** VTIME is one byte of tenths of a second. */
    private static final int MAX_VTIME_MS = 25_500;

    private final SerialPort port;
    private final String description;
    private int readTimeoutMs = -1;
    private volatile boolean closed;
    private volatile boolean wrote;
    private volatile long lastWriteNanos;

    private SerialLink(SerialPort port, String description) {
        this.port = port;
        this.description = description;
    }

    /** Opens {@code device} (a path; symlinks such as /dev/serial/by-id/... are resolved now) with {@code settings}. */
    public static SerialLink open(Path device, SerialSettings settings) throws LinkUnavailableException {
        String description = device + " " + settings;
        if (!Files.exists(device)) {
            throw new LinkUnavailableException(description + ": no such device");
        }
        SerialPort port;
        try {
            port = SerialPort.getCommPort(device.toString());
        } catch (SerialPortInvalidPortException e) {
            throw new LinkUnavailableException(description + ": not a serial port (" + e.getMessage() + ")", e);
        }
        port.setComPortParameters(settings.baud(), settings.dataBits(), stopBits(settings), parity(settings));
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        if (!port.openPort()) {
            int errno = port.getLastErrorCode();
            // jSerialComm reports 2 for "already open in this process" and EAGAIN (11) when another process holds the lock
            String why = errno == 11 || errno == 2 ? "busy (another program holds it)" : "cannot open (errno " + errno + ")";
            throw new LinkUnavailableException(description + ": " + why);
        }
        return new SerialLink(port, description);
    }

    /**
     * jSerialComm waits through termios VTIME, in tenths of a second, and rounds a timeout up (1 ms waits 100 ms,
     * 150 ms waits 200). To wait at most {@code timeout} (to the millisecond), whole tenths wait in the driver and the
     * rest, or all of a timeout under 100 ms, is polled without blocking each millisecond.
     */
    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (closed) {
                throw new LinkLostException(description + ": closed");
            }
            // rounded up, or a 100 ms read would poll (the microseconds since the call already took a tenth away)
            long leftMs = (deadline - System.nanoTime() + 999_999) / 1_000_000;
            setReadTimeout(leftMs >= 100 ? (int) Math.min(leftMs / 100 * 100, MAX_VTIME_MS) : 0);
            int n = port.readBytes(buffer, length, offset);
            if (n < 0) {
                throw new LinkLostException(description + ": the device went away (read failed, errno "
                        + port.getLastErrorCode() + ")");
            }
            long left = deadline - System.nanoTime();
            if (n > 0 || left <= 0) {
                return n;
            }
            if (leftMs < 100) {
                LockSupport.parkNanos(Math.min(left, POLL_NANOS));
            }
        }
    }

    /** 0 reads without waiting (jSerialComm's semi-blocking mode would take 0 as "wait forever"). */
    private void setReadTimeout(int ms) {
        if (ms != readTimeoutMs) {
            int mode = ms == 0 ? SerialPort.TIMEOUT_NONBLOCKING : SerialPort.TIMEOUT_READ_SEMI_BLOCKING;
            port.setComPortTimeouts(mode | SerialPort.TIMEOUT_WRITE_BLOCKING, ms, WRITE_TIMEOUT_MS);
            readTimeoutMs = ms;
        }
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            if (closed) {
                throw new LinkLostException(description + ": closed");
            }
            int n = port.writeBytes(data, length - done, offset + done);
            if (n < 0) {
                throw new LinkLostException(description + ": the device went away (write failed, errno "
                        + port.getLastErrorCode() + ")");
            }
            if (n == 0) {
                throw new IOException(description + ": write stalled for " + WRITE_TIMEOUT_MS + " ms");
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
     * Closes once what was written has left: jSerialComm's close discards unsent output (tcflush), which lost the last
     * bytes written just before (an XMODEM receiver's final ACK) about every other time on a pty. A UART's queue can be
     * watched; a pty's cannot (it reports 0 while the other side has not read yet), so close also lets
     * {@link #CLOSE_GRACE_NANOS} pass after the last write.
     */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            long drainEnd = System.nanoTime() + DRAIN_LIMIT_NANOS;
            while (port.bytesAwaitingWrite() > 0 && System.nanoTime() < drainEnd) {
                LockSupport.parkNanos(POLL_NANOS);
            }
            long graceEnd = lastWriteNanos + CLOSE_GRACE_NANOS;
            for (long left = graceEnd - System.nanoTime(); wrote && left > 0; left = graceEnd - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
            port.closePort();
        }
    }

    private static int stopBits(SerialSettings s) {
        return switch (s.stopBits()) {
            case ONE -> SerialPort.ONE_STOP_BIT;
            case ONE_POINT_FIVE -> SerialPort.ONE_POINT_FIVE_STOP_BITS;
            case TWO -> SerialPort.TWO_STOP_BITS;
        };
    }

    private static int parity(SerialSettings s) {
        return switch (s.parity()) {
            case NONE -> SerialPort.NO_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
            case EVEN -> SerialPort.EVEN_PARITY;
            case MARK -> SerialPort.MARK_PARITY;
            case SPACE -> SerialPort.SPACE_PARITY;
        };
    }
}
