package io.bootrig.rig.link;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A real ser2net serving one device on 127.0.0.1, either raw TCP or telnet with RFC 2217. */
public final class Ser2Net implements AutoCloseable {
    private final ExternalProcess process;
    private final int port;

    private Ser2Net(ExternalProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** {@code accepter}: "tcp" for raw, "telnet(rfc2217),tcp" for RFC 2217. */
    public static Ser2Net start(Path dir, Path device, String accepter) throws IOException {
        Path ser2net = ExternalProcess.require("ser2net", "ser2net");
        int port = freePort();
        Path config = dir.resolve("ser2net-" + port + ".yaml");
        Files.writeString(config, String.join("\n",
                "connection: &board",
                "  accepter: " + accepter + ",127.0.0.1," + port,
                "  connector: serialdev," + device + ",115200n81,local",
                "  options:",
                "    kickolduser: true",
                ""));
        ExternalProcess p = ExternalProcess.start("ser2net", List.of(ser2net.toString(), "-n", "-d", "-c",
                config.toString(), "-P", dir.resolve("ser2net-" + port + ".pid").toString()));
        await("ser2net listening on " + port).atMost(Duration.ofSeconds(10))
                .until(() -> listening(port) || !p.isAlive());
        if (!p.isAlive()) {
            throw new IllegalStateException("ser2net exited: " + p.output());
        }
        return new Ser2Net(p, port);
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    public String output() {
        return process.output();
    }

    @Override
    public void close() {
        process.close();
    }
}
