package io.bootrig.rig.power;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The virtual board's power: {@code power off|on|cycle} on its control port, one JSON line back. */
public final class VirtualPowerSwitch implements PowerSwitch {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String board;
    private final VirtualControl control;
    private final Duration timeout;

    public VirtualPowerSwitch(String board, VirtualControl control) {
        this(board, control, Duration.ofSeconds(10));
    }

    public VirtualPowerSwitch(String board, VirtualControl control, Duration timeout) {
        this.board = board;
        this.control = control;
        this.timeout = timeout;
    }

    @Override
    public void off() {
        send(PowerAction.OFF);
    }

    @Override
    public void on() {
        send(PowerAction.ON);
    }

    @Override
    public void cycle() {
        send(PowerAction.CYCLE);
    }

    @Override
    public String describe() {
        return "virtual board control port";
    }

    private void send(PowerAction action) {
        int port = control.controlPort();
        String command = "power " + action.word();
        String where = "board " + board + ": '" + command + "' on control port 127.0.0.1:" + port;
        String reply;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
            s.setSoTimeout((int) timeout.toMillis());
            OutputStream out = s.getOutputStream();
            out.write((command + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            reply = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            throw new PowerException(where + " failed: " + e.getMessage(), e);
        }
        if (reply == null) {
            throw new PowerException(where + ": the board closed the connection without a reply");
        }
        JsonNode j;
        try {
            j = JSON.readTree(reply);
        } catch (JsonProcessingException e) {
            throw new PowerException(where + ": expected a JSON reply, got '" + reply + "'", e);
        }
        if (!j.path("ok").asBoolean(false)) {
            throw new PowerException(where + " refused: " + j.path("error").asText(reply));
        }
        String state = j.path("power").asText("");
        if (!state.equals(action.resultingState())) {
            throw new PowerException(where + ": expected power " + action.resultingState() + " afterwards, the board reports '"
                    + state + "'");
        }
    }
}
