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

/** OpenOCD's TCL-RPC protocol: a script followed by 0x1a; the reply is the script's result followed by 0x1a. */
final class TclRpcClient implements Closeable {
    private static final int TERMINATOR = 0x1a;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    TclRpcClient(int port, Duration connectTimeout) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), (int) connectTimeout.toMillis());
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Evaluates a script; a {@link SocketTimeoutException} leaves the connection unusable. */
    String eval(String script, Duration timeout) throws IOException {
        out.write(script.getBytes(StandardCharsets.UTF_8));
        out.write(TERMINATOR);
        out.flush();
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (true) {
            long leftMs = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMs <= 0) {
                throw new SocketTimeoutException("no reply within " + timeout.toMillis() + " ms");
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, leftMs));
            int n = in.read(buf);
            if (n < 0) {
                throw new IOException("OpenOCD closed the TCL connection");
            }
            for (int i = 0; i < n; i++) {
                if (buf[i] == TERMINATOR) {
                    reply.write(buf, 0, i);
                    return reply.toString(StandardCharsets.UTF_8);
                }
            }
            reply.write(buf, 0, n);
        }
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
