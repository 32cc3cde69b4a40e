package io.bootrig.rig.link;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A local serial device through jSerialComm (an ST-LINK VCP such as /dev/ttyACM0, or a pseudo-terminal in tests).
 * The port is held with jSerialComm's exclusive lock; a read that returns -1 (EIO: the device went away) is a
 * {@link LinkLostException}.
 */
public final class SerialLink implements ByteLink {
    private static final int WRITE_TIMEOUT_MS = 10_000;

    private final SerialPort port;
    private final String description;
    private int readTimeoutMs = -1;
    private volatile boolean closed;

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

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException {
        if (closed) {
            throw new LinkLostException(description + ": closed");
        }
        setReadTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
        int n = port.readBytes(buffer, length, offset);
        if (n < 0) {
            throw new LinkLostException(description + ": the device went away (read failed, errno "
                    + port.getLastErrorCode() + ")");
        }
        return n;
    }

    private void setReadTimeout(int ms) {
        if (ms != readTimeoutMs) {
            port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, ms,
                    WRITE_TIMEOUT_MS);
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
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
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
