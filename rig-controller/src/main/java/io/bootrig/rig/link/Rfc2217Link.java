package io.bootrig.rig.link;

import static io.bootrig.rig.link.TelnetDecoder.DO;
import static io.bootrig.rig.link.TelnetDecoder.DONT;
import static io.bootrig.rig.link.TelnetDecoder.IAC;
import static io.bootrig.rig.link.TelnetDecoder.SB;
import static io.bootrig.rig.link.TelnetDecoder.SE;
import static io.bootrig.rig.link.TelnetDecoder.WILL;
import static io.bootrig.rig.link.TelnetDecoder.WONT;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * A serial port behind a telnet server that speaks RFC 2217 (ser2net's {@code telnet(rfc2217)} accepter). The link
 * asks for binary mode both ways and sets the port's baud rate and framing with COM-PORT-OPTION; {@link #connect}
 * returns only once the server has acknowledged them. Data bytes 0xFF are escaped as IAC IAC.
 */
public final class Rfc2217Link implements ByteLink, TelnetDecoder.Commands {
    private static final int BINARY = 0;
    private static final int ECHO = 1;
    private static final int SUPPRESS_GO_AHEAD = 3;
    private static final int COM_PORT = 44;
    private static final int SET_BAUDRATE = 1;
    private static final int SET_DATASIZE = 2;
    private static final int SET_PARITY = 3;
    private static final int SET_STOPSIZE = 4;
    private static final int SET_CONTROL = 5;
    private static final int CONTROL_NO_FLOW = 1;
    private static final int SERVER_REPLY = 100;
    private static final Set<Integer> WE_WILL = Set.of(BINARY, SUPPRESS_GO_AHEAD, COM_PORT);
    private static final Set<Integer> THEY_MAY = Set.of(BINARY, SUPPRESS_GO_AHEAD, ECHO);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String description;
    private final SerialSettings settings;
    private final TelnetDecoder decoder = new TelnetDecoder(this);
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final byte[] raw = new byte[4096];
    private final Set<Integer> localOn = new HashSet<>();
    private final Set<Integer> remoteOn = new HashSet<>();
    private final Set<Integer> localAsked = new HashSet<>();
    private final Set<Integer> remoteAsked = new HashSet<>();
    private volatile int acknowledgedBaud;
    private boolean binaryRefused;
    private volatile boolean closed;

    private Rfc2217Link(Socket socket, String description, SerialSettings settings) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.description = description;
        this.settings = settings;
    }

    /** Connects, negotiates binary mode and the port settings, and waits up to {@code timeout} for the server's acks. */
    public static Rfc2217Link connect(String host, int port, SerialSettings settings, Duration timeout)
            throws LinkUnavailableException {
        String description = "rfc2217://" + host + ":" + port + " " + settings;
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            Rfc2217Link link = new Rfc2217Link(socket, description, settings);
            link.negotiate(timeout);
            return link;
        } catch (LinkUnavailableException e) {
            closeQuietly(socket);
            throw e;
        } catch (IOException e) {
            closeQuietly(socket);
            throw new LinkUnavailableException(description + ": cannot connect (" + e.getMessage() + ")", e);
        }
    }

    private void negotiate(Duration timeout) throws IOException {
        ask(WILL, BINARY);
        ask(DO, BINARY);
        ask(WILL, COM_PORT);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!negotiated()) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || binaryRefused) {
                throw new LinkUnavailableException(description + ": the server did not complete RFC 2217 negotiation within "
                        + timeout.toMillis() + " ms (binary out " + localOn.contains(BINARY) + ", binary in "
                        + remoteOn.contains(BINARY) + ", COM-PORT-OPTION " + localOn.contains(COM_PORT)
                        + ", baud acknowledged " + (acknowledgedBaud != 0) + ")");
            }
            fill(Duration.ofNanos(left));
        }
    }

    private boolean negotiated() {
        return localOn.contains(BINARY) && remoteOn.contains(BINARY) && acknowledgedBaud != 0;
    }

    /** The baud rate the server reported after setting it (0 before its reply). */
    public int acknowledgedBaud() {
        return acknowledgedBaud;
    }

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending.size() == 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !fill(Duration.ofNanos(left))) {
                return 0;
            }
        }
        byte[] data = pending.toByteArray();
        int n = Math.min(length, data.length);
        System.arraycopy(data, 0, buffer, offset, n);
        pending.reset();
        pending.write(data, n, data.length - n);
        return n;
    }

    /** Reads once from the socket and decodes; returns false when the wait timed out. */
    private boolean fill(Duration wait) throws IOException {
        int n;
        try {
            socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, wait.toMillis())));
            n = in.read(raw);
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            throw new LinkLostException(description + ": " + (closed ? "closed" : "connection lost (" + e.getMessage() + ")"), e);
        }
        if (n < 0) {
            throw new LinkLostException(description + ": the server closed the connection");
        }
        byte[] data = new byte[n];
        int count = decoder.decode(raw, 0, n, data, 0);
        pending.write(data, 0, count);
        return true;
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        ByteArrayOutputStream escaped = new ByteArrayOutputStream(length + 8);
        for (int i = offset; i < offset + length; i++) {
            escaped.write(data[i]);
            if ((data[i] & 0xFF) == IAC) {
                escaped.write(IAC);
            }
        }
        send(escaped.toByteArray());
    }

    @Override
    public void negotiation(int verb, int option) throws IOException {
        switch (verb) {
            case WILL -> {
                if (THEY_MAY.contains(option)) {
                    if (remoteOn.add(option) && !remoteAsked.contains(option)) {
                        send(IAC, DO, option);
                    }
                } else {
                    send(IAC, DONT, option);
                }
            }
            case WONT -> {
                if (option == BINARY) {
                    binaryRefused = true;
                }
                if (remoteOn.remove(option) || remoteAsked.remove(option)) {
                    send(IAC, DONT, option);
                }
            }
            case DO -> {
                if (WE_WILL.contains(option)) {
                    if (localOn.add(option)) {
                        if (!localAsked.contains(option)) {
                            send(IAC, WILL, option);
                        }
                        if (option == COM_PORT) {
                            sendPortSettings();
                        }
                    }
                } else {
                    send(IAC, WONT, option);
                }
            }
            case DONT -> {
                if (option == BINARY) {
                    binaryRefused = true;
                }
                if (localOn.remove(option) || localAsked.remove(option)) {
                    send(IAC, WONT, option);
                }
            }
            default -> { }
        }
    }

    @Override
    public void subnegotiation(int option, byte[] data) {
        if (option == COM_PORT && data.length == 5 && data[0] == SERVER_REPLY + SET_BAUDRATE) {
            acknowledgedBaud = ((data[1] & 0xFF) << 24) | ((data[2] & 0xFF) << 16) | ((data[3] & 0xFF) << 8) | (data[4] & 0xFF);
        }
        // line-state and modem-state notifications carry nothing the rig uses
    }

    private void sendPortSettings() throws IOException {
        int baud = settings.baud();
        comPort(SET_BAUDRATE, baud >>> 24, baud >>> 16, baud >>> 8, baud);
        comPort(SET_DATASIZE, settings.dataBits());
        comPort(SET_PARITY, switch (settings.parity()) {
            case NONE -> 1;
            case ODD -> 2;
            case EVEN -> 3;
            case MARK -> 4;
            case SPACE -> 5;
        });
        comPort(SET_STOPSIZE, switch (settings.stopBits()) {
            case ONE -> 1;
            case TWO -> 2;
            case ONE_POINT_FIVE -> 3;
        });
        comPort(SET_CONTROL, CONTROL_NO_FLOW);
    }

    private void comPort(int command, int... value) throws IOException {
        ByteArrayOutputStream sb = new ByteArrayOutputStream();
        sb.write(IAC);
        sb.write(SB);
        sb.write(COM_PORT);
        sb.write(command);
        for (int v : value) {
            sb.write(v & 0xFF);
            if ((v & 0xFF) == IAC) {
                sb.write(IAC);
            }
        }
        sb.write(IAC);
        sb.write(SE);
        send(sb.toByteArray());
    }

    private void ask(int verb, int option) throws IOException {
        (verb == WILL ? localAsked : remoteAsked).add(option);
        send(IAC, verb, option);
    }

    private void send(int... bytes) throws IOException {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        send(b);
    }

    private void send(byte[] bytes) throws IOException {
        synchronized (out) {
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                throw new LinkLostException(description + ": " + (closed ? "closed" : "connection lost (" + e.getMessage() + ")"), e);
            }
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
