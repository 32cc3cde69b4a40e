package io.bootrig.board.uart;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console as a raw TCP port on 127.0.0.1 (what ser2net's raw mode offers): one host at a time;
 * a second connection waits until the first one closes. Output while no host is connected is
 * dropped.
 */
public final class TcpConsole implements ConsoleEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(TcpConsole.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final ServerSocket server;
    private final Object writeLock = new Object();
    private final AtomicLong dropped = new AtomicLong();
    private volatile Socket client;
    private volatile Thread acceptor;
    private volatile boolean closed;

    private TcpConsole(ServerSocket server) {
        this.server = server;
    }

    public static TcpConsole open() throws IOException {
        return new TcpConsole(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
    }

    public int port() {
        return server.getLocalPort();
    }

    @Override
    public String address() {
        return "tcp://127.0.0.1:" + port();
    }

    @Override
    public boolean connected() {
        Socket current = client;
        return current != null && !current.isClosed();
    }

    @Override
    public void write(byte[] bytes, int length) {
        synchronized (writeLock) {
            Socket current = client;
            if (current == null || current.isClosed()) {
                dropped.addAndGet(length);
                return;
            }
            try {
                OutputStream out = current.getOutputStream();
                out.write(bytes, 0, length);
                out.flush();
            } catch (IOException e) {
                dropped.addAndGet(length);
                closeQuietly(current);
            }
        }
    }

    @Override
    public void start(HostBytes sink) {
        Thread thread = new Thread(() -> serve(sink), "tcp-console " + port());
        thread.setDaemon(true);
        acceptor = thread;
        thread.start();
    }

    public long droppedBytes() {
        return dropped.get();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(server);
        Socket current = client;
        if (current != null) {
            closeQuietly(current);
        }
        Thread thread = acceptor;
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(CLOSE_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void serve(HostBytes sink) {
        byte[] buffer = new byte[256];
        while (!closed) {
            try (Socket socket = server.accept()) {
                socket.setTcpNoDelay(true);
                client = socket;
                InputStream in = socket.getInputStream();
                int n;
                while ((n = in.read(buffer)) > 0) {
                    sink.received(buffer, n);
                }
            } catch (IOException e) {
                if (!closed) {
                    LOG.debug("console connection on port {} ended: {}", port(), e.toString());
                }
            } finally {
                client = null;
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already gone
        }
    }
}
