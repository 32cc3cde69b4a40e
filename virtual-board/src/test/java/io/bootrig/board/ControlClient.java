package io.bootrig.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A client of the board's control port: a line out, a JSON line back. */
public final class ControlClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    private ControlClient(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.out = socket.getOutputStream();
    }

    public static ControlClient connect(int port) throws IOException {
        return new ControlClient(new Socket(InetAddress.getLoopbackAddress(), port));
    }

    public JsonNode call(String command) throws IOException {
        out.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        String line = in.readLine();
        if (line == null) {
            throw new IOException("the control port closed after: " + command);
        }
        return JSON.readTree(line);
    }

    public static JsonNode parse(String line) throws IOException {
        return JSON.readTree(line);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
