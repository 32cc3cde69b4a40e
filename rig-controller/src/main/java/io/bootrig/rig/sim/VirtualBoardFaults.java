package io.bootrig.rig.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Fault injection on a running virtual board, through its control port: arm a fault, list which struck, clear them.
 * A fault stays listed (armed or triggered) until cleared, so a caller can tell one that never happened.
 */
public final class VirtualBoardFaults {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One fault as the board reports it. */
    public record Fault(String kind, String argument, boolean triggered, String detail) {}

    private final VirtualBoardProcess.Running board;

    public VirtualBoardFaults(VirtualBoardProcess.Running board) {
        this.board = board;
    }

    /** Arms {@code fault}, e.g. "power-cut-at-block 40", "power-cut-after-trigger", "uart-corrupt 50 rx". */
    public void arm(String fault) throws IOException {
        reply("fault " + fault);
    }

    public List<Fault> list() throws IOException {
        List<Fault> out = new ArrayList<>();
        for (JsonNode f : reply("fault list").path("faults")) {
            out.add(new Fault(f.path("kind").asText(), f.path("argument").asText(), "triggered".equals(f.path("state").asText()),
                    f.path("detail").asText()));
        }
        return out;
    }

    public void clear() throws IOException {
        reply("fault clear");
    }

    /** "on" or "off". */
    public String power() throws IOException {
        return reply("status").path("power").asText();
    }

    private JsonNode reply(String command) throws IOException {
        JsonNode j = JSON.readTree(VirtualBoardProcess.control(board, command));
        if (!j.path("ok").asBoolean()) {
            throw new IOException(board.name() + ": '" + command + "' refused: " + j.path("error").asText());
        }
        return j;
    }
}
