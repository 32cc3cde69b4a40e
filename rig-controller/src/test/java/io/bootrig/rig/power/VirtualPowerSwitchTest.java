package io.bootrig.rig.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VirtualPowerSwitchTest {
    /** A stand-in for the virtual board's control port: answers each line with what {@code reply} says. */
    private static final class FakeControl implements AutoCloseable {
        final ServerSocket server;
        final List<String> received = new CopyOnWriteArrayList<>();

        FakeControl(Function<String, String> reply) throws IOException {
            server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
            Thread t = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
                        received.add(line);
                        String answer = reply.apply(line);
                        if (answer != null) {
                            new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8).println(answer);
                        }
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "fake-control");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    private FakeControl control;

    @AfterEach
    void stop() throws IOException {
        if (control != null) {
            control.close();
        }
    }

    @Test
    void sendsPowerCommandsAndChecksTheReply() throws Exception {
        control = new FakeControl(line -> "{\"ok\":true,\"power\":\"" + (line.endsWith("off") ? "off" : "on") + "\"}");
        VirtualPowerSwitch s = new VirtualPowerSwitch("sim", control::port);
        s.off();
        s.on();
        s.cycle();
        assertThat(control.received).containsExactly("power off", "power on", "power cycle");
    }

    @Test
    void aRefusalIsReportedWithTheBoardsError() throws Exception {
        control = new FakeControl(line -> "{\"ok\":false,\"error\":\"power 'x': on, off or cycle\"}");
        assertThatThrownBy(() -> new VirtualPowerSwitch("sim-2", control::port).cycle()).isInstanceOf(PowerException.class)
                .hasMessage("board sim-2: 'power cycle' on control port 127.0.0.1:" + control.port()
                        + " refused: power 'x': on, off or cycle");
    }

    @Test
    void aWrongStateOrNoAnswerIsAFailure() throws Exception {
        control = new FakeControl(line -> line.endsWith("off") ? "{\"ok\":true,\"power\":\"on\"}" : null);
        VirtualPowerSwitch s = new VirtualPowerSwitch("sim", control::port);
        assertThatThrownBy(s::off).isInstanceOf(PowerException.class)
                .hasMessageEndingWith("expected power off afterwards, the board reports 'on'");
        assertThatThrownBy(s::on).isInstanceOf(PowerException.class)
                .hasMessageEndingWith("the board closed the connection without a reply");
    }

    @Test
    void aBoardThatIsNotListeningIsAFailure() throws Exception {
        int port;
        try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = unused.getLocalPort();
        }
        assertThatThrownBy(() -> new VirtualPowerSwitch("sim", () -> port).off()).isInstanceOf(PowerException.class)
                .hasMessageStartingWith("board sim: 'power off' on control port 127.0.0.1:" + port + " failed: ");
    }
}
