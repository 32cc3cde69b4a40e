package io.bootrig.board;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves {@link ControlCommands} on a free TCP port of 127.0.0.1, one thread per connection. */
public final class ControlServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);

    private final ServerSocket server;
    private final ControlCommands commands;
    private final Runnable onQuit;
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    private ControlServer(ServerSocket server, ControlCommands commands, Runnable onQuit) {
        this.server = server;
        this.commands = commands;
        this.onQuit = onQuit;
        this.acceptor = new Thread(this::accept, "board-control " + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * @param onQuit run after the reply to {@code quit} has been sent
     */
    public static ControlServer start(VirtualBoard board, Runnable onQuit) throws IOException {
        ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        return new ControlServer(server, new ControlCommands(board), onQuit);
    }

    public int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        clients.forEach(ControlServer::closeQuietly);
        if (Thread.currentThread() != acceptor) {
            try {
                acceptor.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                clients.add(client);
                Thread session = new Thread(() -> serve(client), "board-control client " + client.getPort());
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("control port {}: {}", port(), e.toString());
                }
            }
        }
    }

    private void serve(Socket client) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                StandardCharsets.UTF_8))) {
            OutputStream out = client.getOutputStream();
            String line;
            while ((line = in.readLine()) != null) {
                ControlCommands.Reply reply = commands.execute(line);
                out.write((reply.line() + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (reply.quit()) {
                    onQuit.run();
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                LOG.debug("control connection ended: {}", e.toString());
            }
        } finally {
            clients.remove(client);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing anyway
        }
    }
}
