package io.bootrig.rig.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bootrig.rig.console.TranscriptEntry.Mode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptTest {
    @TempDir
    Path dir;

    @Test
    void textAndJsonLinesHoldEveryEntryInOrder() throws Exception {
        Path stem = dir.resolve("run/console");
        Instant before = Instant.now();
        try (Transcript t = Transcript.toFiles(stem)) {
            t.marker("step: boot");
            t.received("cmd> ".getBytes(StandardCharsets.ISO_8859_1), 0, 5, Mode.TEXT);
            t.sent("info\r".getBytes(StandardCharsets.ISO_8859_1), 0, 5, Mode.TEXT);
            t.received(new byte[] {0x15, (byte) 0xFF, 'A', '"', '\\'}, 0, 5, Mode.BINARY);
            assertThat(t.textFile()).contains(dir.resolve("run/console.txt"));
            assertThat(t.jsonLinesFile()).contains(dir.resolve("run/console.jsonl"));
        }

        List<String> text = Files.readAllLines(dir.resolve("run/console.txt"));
        assertThat(text).hasSize(4);
        assertThat(text.get(0)).matches("\\d{4}-\\d\\d-\\d\\dT\\S+Z +\\d+\\.\\d{6} ---- step: boot");
        assertThat(text.get(1)).endsWith(" in   \"cmd> \"");
        assertThat(text.get(2)).endsWith(" out  \"info\\r\"");
        assertThat(text.get(3)).endsWith(" in   bin 15 ff 41 22 5c | \"\\x15\\xffA\\\"\\\\\"");

        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = Files.readAllLines(dir.resolve("run/console.jsonl")).stream().map(l -> {
            try {
                return json.readTree(l);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(lines).extracting(n -> n.get("seq").asLong()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(lines).extracting(n -> n.get("dir").asText()).containsExactly("marker", "in", "out", "in");
        assertThat(lines.get(0).get("text").asText()).isEqualTo("step: boot");
        assertThat(lines.get(2).get("text").asText()).isEqualTo("info\r");
        assertThat(lines.get(2).get("mode").asText()).isEqualTo("text");
        assertThat(lines.get(2).has("hex")).isFalse();
        assertThat(lines.get(3).get("mode").asText()).isEqualTo("binary");
        assertThat(lines.get(3).get("hex").asText()).isEqualTo("15 ff 41 22 5c");
        assertThat(lines.get(3).get("text").asText().getBytes(StandardCharsets.ISO_8859_1))
                .containsExactly(0x15, 0xFF, 'A', '"', '\\');
        long previous = -1;
        for (JsonNode n : lines) {
            assertThat(n.get("mono_ns").asLong()).isGreaterThanOrEqualTo(previous);
            previous = n.get("mono_ns").asLong();
            assertThat(Instant.parse(n.get("wall").asText())).isAfterOrEqualTo(before.minusSeconds(1));
        }
    }
}
