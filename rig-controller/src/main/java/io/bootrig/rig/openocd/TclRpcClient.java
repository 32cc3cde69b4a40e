package io.bootrig.rig.openocd;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** OpenOCD's TCL-RPC protocol: a script followed by 0x1a; the reply is the script's result followed by 0x1a. */
final class TclRpcClient implements Closeable {
    private static final int TERMINATOR = 0x1a;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    /** Bytes read and not yet returned: the start of a reply, or replies after the one returned. */
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    /** How many bytes at the start of {@code received} are known to hold no terminator. */
    private int scanned;

    TclRpcClient(int port, Duration connectTimeout) throws IOException {
        this(connect(port, connectTimeout));
    }

    /** Over a socket already connected to OpenOCD's TCL port (the fuzz test hands it a scripted one). */
    TclRpcClient(Socket socket) throws IOException {
        this.socket = socket;
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    private static Socket connect(int port, Duration connectTimeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) connectTimeout.toMillis());
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Evaluates a script; a {@link SocketTimeoutException} leaves the connection unusable. */
    String eval(String script, Duration timeout) throws IOException {
        out.write(script.getBytes(StandardCharsets.UTF_8));
        out.write(TERMINATOR);
        out.flush();
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buf = new byte[8192];
        while (true) {
            Optional<String> reply = takeReply();
            if (reply.isPresent()) {
                return reply.get();
            }
            long leftMs = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMs <= 0) {
                throw new SocketTimeoutException("no reply within " + timeout.toMillis() + " ms");
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, leftMs));
            int n = in.read(buf);
            if (n < 0) {
                throw new IOException("OpenOCD closed the TCL connection");
            }
            received.write(buf, 0, n);
        }
    }

    /** The first reply in what was received, without its terminator; what follows it stays for the next call. */
    private Optional<String> takeReply() {
        if (received.size() == scanned) {
            return Optional.empty();
        }
        byte[] data = received.toByteArray();
        for (int i = scanned; i < data.length; i++) {
            if (data[i] == TERMINATOR) {
                received.reset();
                received.write(data, i + 1, data.length - i - 1);
                scanned = 0;
                return Optional.of(new String(data, 0, i, StandardCharsets.UTF_8));
            }
        }
        scanned = data.length;
        return Optional.empty();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a broken connection
        }
    }
}
