package io.bootrig.rig.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** A raw TCP connection to a serial server such as ser2net in raw mode: bytes pass unchanged both ways. */
public final class TcpLink implements ByteLink {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String description;
    private volatile boolean closed;

    private TcpLink(Socket socket, String description) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.description = description;
    }

    public static TcpLink connect(String host, int port, Duration connectTimeout) throws LinkUnavailableException {
        String description = "tcp://" + host + ":" + port;
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            return new TcpLink(socket, description);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new LinkUnavailableException(description + ": cannot connect (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException {
        try {
            socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
            int n = in.read(buffer, offset, length);
            if (n < 0) {
                throw new LinkLostException(description + ": the server closed the connection");
            }
            return n;
        } catch (SocketTimeoutException e) {
            return 0;
        } catch (LinkLostException e) {
            throw e;
        } catch (IOException e) {
            throw new LinkLostException(description + ": " + (closed ? "closed" : "connection lost (" + e.getMessage() + ")"), e);
        }
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        try {
            out.write(data, offset, length);
            out.flush();
        } catch (IOException e) {
            throw new LinkLostException(description + ": " + (closed ? "closed" : "connection lost (" + e.getMessage() + ")"), e);
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
