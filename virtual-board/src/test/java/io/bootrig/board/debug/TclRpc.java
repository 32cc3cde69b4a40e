package io.bootrig.board.debug;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** OpenOCD's TCL-RPC: a command and 0x1a out, the result up to 0x1a back. */
final class TclRpc implements AutoCloseable {
    private static final int TERMINATOR = 0x1a;

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    private TclRpc(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout((int) Duration.ofMinutes(2).toMillis());
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
    }

    /** Connects once OpenOCD listens; fails with its output if it exits first. */
    static TclRpc connect(OpenOcd openOcd) {
        AtomicReference<Socket> connected = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            if (!openOcd.isAlive()) {
                return true;
            }
            try {
                connected.set(new Socket("127.0.0.1", openOcd.tclPort()));
                return true;
            } catch (IOException notYet) {
                return false;
            }
        });
        if (connected.get() == null) {
            fail("openocd exited before its TCL port opened:\n" + String.join("\n", openOcd.output()));
        }
        try {
            return new TclRpc(connected.get());
        } catch (IOException e) {
            return fail(e);
        }
    }

    /** The command's Tcl result (log lines are not included). */
    String send(String command) throws IOException {
        out.write(command.getBytes(StandardCharsets.UTF_8));
        out.write(TERMINATOR);
        out.flush();
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != TERMINATOR) {
            if (b == -1) {
                throw new IOException("openocd closed the TCL connection after: " + command);
            }
            reply.write(b);
        }
        return reply.toString(StandardCharsets.UTF_8);
    }

    /** What the command printed, as {@code capture} collects it. */
    String capture(String command) throws IOException {
        return send("capture {" + command + "}");
    }

    /** The command's completion code and result, as {@code catch} reports them. */
    Outcome call(String command) throws IOException {
        String reply = send("list [catch {" + command + "} m] $m").trim();
        int space = reply.indexOf(' ');
        String message = space < 0 ? "" : reply.substring(space + 1);
        if (message.startsWith("{") && message.endsWith("}")) {
            message = message.substring(1, message.length() - 1);
        }
        return new Outcome(Integer.parseInt(space < 0 ? reply : reply.substring(0, space)), message);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    record Outcome(int code, String message) {
        boolean ok() {
            return code == 0;
        }
    }
}
