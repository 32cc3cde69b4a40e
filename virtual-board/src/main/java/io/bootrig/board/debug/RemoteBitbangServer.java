package io.bootrig.board.debug;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TCP side of the remote_bitbang adapter: listens on 127.0.0.1 on a free port, serves one
 * client at a time on its own thread, and sends the replies when the client's input has drained
 * (OpenOCD sends a whole scan, then waits for its TDO samples). The protocol runs under the
 * debug port's lock.
 */
final class RemoteBitbangServer implements AutoCloseable {
    static final String THREAD_NAME_PREFIX = "remote-bitbang-";

    private static final Logger log = LoggerFactory.getLogger(RemoteBitbangServer.class);
    private static final int READ_BUFFER = 64 * 1024;

    private final RemoteBitbangProtocol protocol;
    private final Object lock;
    private final ServerSocket serverSocket;
    private final Thread thread;
    private volatile Socket client;
    private volatile boolean closed;

    RemoteBitbangServer(RemoteBitbangProtocol protocol, Object lock) throws IOException {
        this.protocol = protocol;
        this.lock = lock;
        this.serverSocket = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
        this.thread = new Thread(this::serve, THREAD_NAME_PREFIX + serverSocket.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    String host() {
        return serverSocket.getInetAddress().getHostAddress();
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(serverSocket);
        Socket current = client;
        if (current != null) {
            closeQuietly(current);
        }
        if (Thread.currentThread() == thread) {
            return; // closed from a listener on the server thread: it ends when this call returns
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve() {
        while (!closed) {
            try (Socket socket = serverSocket.accept()) {
                client = socket;
                if (!closed) {
                    session(socket);
                }
            } catch (IOException e) {
                if (!closed) {
                    log.warn("remote_bitbang session ended: {}", e.toString());
                }
            } finally {
                client = null;
                synchronized (lock) {
                    protocol.endSession();
                }
            }
        }
    }

    private void session(Socket socket) throws IOException {
        log.debug("remote_bitbang client {} connected", socket.getRemoteSocketAddress());
        socket.setTcpNoDelay(true);
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        byte[] input = new byte[READ_BUFFER];
        ByteArrayOutputStream replies = new ByteArrayOutputStream(1024);
        int length;
        while ((length = in.read(input)) != -1) {
            boolean quit;
            synchronized (lock) {
                quit = protocol.process(input, length, replies);
            }
            if (replies.size() > 0 && (quit || in.available() == 0)) {
                replies.writeTo(out);
                out.flush();
                replies.reset();
            }
            if (quit) {
                log.debug("remote_bitbang client quit");
                return;
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            log.debug("close: {}", e.toString());
        }
    }
}
