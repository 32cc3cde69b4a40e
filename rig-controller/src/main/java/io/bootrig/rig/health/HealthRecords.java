package io.bootrig.rig.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.bootrig.rig.RigHome;
import io.bootrig.wolfboot.AtomicFiles;
import io.bootrig.wolfboot.FormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The last health check of each board: {@code <state home>/health/<board>.json}, replaced atomically. */
public final class HealthRecords {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;

    public HealthRecords(RigHome home) {
        this.dir = home.stateHome().resolve("health");
    }

    public Path file(String board) {
        return dir.resolve(board + ".json");
    }

    public void write(HealthRecord r) throws IOException {
        Files.createDirectories(dir);
        String json = JSON.writeValueAsString(JSON.createObjectNode().put("board", r.board()).put("at", r.at().toString())
                .put("result", r.result()).put("summary", r.summary())) + "\n";
        AtomicFiles.write(file(r.board()), json.getBytes(StandardCharsets.UTF_8), false);
    }

    /** @throws FormatException the file exists but is not a health record (names the field) */
    public Optional<HealthRecord> last(String board) throws IOException, FormatException {
        Path f = file(board);
        String text;
        try {
            text = Files.readString(f, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        JsonNode j;
        try {
            j = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new FormatException(f.toString(), "JSON", e.getOriginalMessage(), e);
        }
        String at = text(f, j, "at");
        try {
            return Optional.of(new HealthRecord(text(f, j, "board"), Instant.parse(at), text(f, j, "result"),
                    text(f, j, "summary")));
        } catch (DateTimeParseException e) {
            throw new FormatException(f.toString(), "at", "'" + at + "': expected an ISO instant", e);
        } catch (IllegalArgumentException e) {
            throw new FormatException(f.toString(), "result", e.getMessage(), e);
        }
    }

    private static String text(Path f, JsonNode j, String field) throws FormatException {
        JsonNode v = j == null ? null : j.get(field);
        if (v == null || !v.isTextual()) {
            throw new FormatException(f.toString(), field, "expected a string");
        }
        return v.asText();
    }
}
