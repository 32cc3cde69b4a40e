package io.bootrig.rig.lease;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The content of a lease file, {@code <lease dir>/<board>.lease}.
 *
 * @param board     the board's name
 * @param owner     user@host
 * @param pid       the holding process
 * @param host      the host that process runs on
 * @param token     random; a holder recognises its own lease by it
 * @param acquired  when it was taken
 * @param heartbeat when the holder last said it is alive
 * @param command   what the holder runs, for whoever finds the board busy
 */
public record LeaseRecord(String board, String owner, long pid, String host, String token, Instant acquired,
        Instant heartbeat, String command) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public LeaseRecord withHeartbeat(Instant at) {
        return new LeaseRecord(board, owner, pid, host, token, acquired, at, command);
    }

    /** "alice@bench-3 (pid 123 on bench-3) since 2025-01-01T10:00:00Z, running 'rig flash'". */
    public String describe() {
        return owner + " (pid " + pid + " on " + host + ") since " + acquired + ", running '" + command + "'";
    }

    String toJson() {
        ObjectNode o = JSON.createObjectNode()
                .put("board", board).put("owner", owner).put("pid", pid).put("host", host).put("token", token)
                .put("acquired", acquired.toString()).put("heartbeat", heartbeat.toString()).put("command", command);
        try {
            return JSON.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws IllegalArgumentException naming the field that is missing or malformed */
    static LeaseRecord fromJson(String text) {
        JsonNode j;
        try {
            j = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (j == null || !j.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        JsonNode pid = j.get("pid");
        if (pid == null || !pid.canConvertToLong()) {
            throw new IllegalArgumentException("pid: expected a number");
        }
        return new LeaseRecord(text(j, "board"), text(j, "owner"), pid.asLong(), text(j, "host"), text(j, "token"),
                instant(j, "acquired"), instant(j, "heartbeat"), text(j, "command"));
    }

    private static String text(JsonNode j, String field) {
        JsonNode v = j.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(field + ": expected a string");
        }
        return v.asText();
    }

    private static Instant instant(JsonNode j, String field) {
        try {
            return Instant.parse(text(j, field));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": expected an ISO instant such as 2025-01-01T10:00:00Z");
        }
    }
}
