package io.bootrig.rig.xmodem;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import io.bootrig.rig.link.ByteLink;
import io.bootrig.rig.link.LinkLostException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A serial device (or pseudo-terminal) at 8N1 without flow control, through jSerialComm.
 *
 * <p>Temporary home: this moves to {@code io.bootrig.rig.link} when the serial link lands there; it is public only
 * because {@code rig xmodem} in {@code io.bootrig.rig.cli} opens it.
 */
public final class SerialPortLink implements ByteLink {
    private static final int WRITE_TIMEOUT_MS = 5000;

    private final SerialPort port;
    private final String description;
    private int readTimeoutMs = -1;

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

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException {
        setReadTimeout(timeout);
        int n = port.readBytes(buffer, length, offset);
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
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        port.closePort();
    }

    /** In jSerialComm a semi-blocking read with 0 ms waits forever, so a zero timeout is a non-blocking read. */
    private void setReadTimeout(Duration timeout) {
        long ms = (timeout.toNanos() + 999_999) / 1_000_000;
        int wanted = (int) Math.min(Integer.MAX_VALUE, ms);
        if (wanted == readTimeoutMs) {
            return;
        }
        int mode = wanted == 0 ? SerialPort.TIMEOUT_NONBLOCKING : SerialPort.TIMEOUT_READ_SEMI_BLOCKING;
        port.setComPortTimeouts(mode | SerialPort.TIMEOUT_WRITE_BLOCKING, wanted, WRITE_TIMEOUT_MS);
        readTimeoutMs = wanted;
    }
}
