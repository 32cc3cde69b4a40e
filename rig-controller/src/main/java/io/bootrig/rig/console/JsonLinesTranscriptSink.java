package io.bootrig.rig.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine-readable transcript, one JSON object a line: {@code seq}, {@code wall} (ISO-8601), {@code mono_ns}
 * (since the transcript began), {@code dir} (in, out, marker), and for bytes {@code mode} (text, binary),
 * {@code text} (each byte as the char of the same code, ISO-8859-1, so the bytes are exact) and for binary also
 * {@code hex}; for markers {@code text} is the marker.
 */
public final class JsonLinesTranscriptSink implements TranscriptSink {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final BufferedWriter out;

    public JsonLinesTranscriptSink(Path file) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    @Override
    public void write(TranscriptEntry e) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("seq", e.seq());
        node.put("wall", e.wall().toString());
        node.put("mono_ns", e.monoNanos());
        node.put("dir", e.direction().label());
        if (e.direction() == TranscriptEntry.Direction.MARKER) {
            node.put("text", e.marker());
        } else {
            node.put("mode", e.mode().name().toLowerCase(java.util.Locale.ROOT));
            node.put("text", new String(e.data(), StandardCharsets.ISO_8859_1));
            if (e.mode() == TranscriptEntry.Mode.BINARY) {
                node.put("hex", Escapes.hex(e.data(), 0, e.data().length));
            }
        }
        out.write(JSON.writeValueAsString(node));
        out.newLine();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
