package io.bootrig.rig.console;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The human-readable transcript, one entry a line:
 * <pre>
 * 2026-11-22T05:01:02.123456Z      0.512345 in   "cmd&gt; "
 * 2026-11-22T05:01:02.223456Z      0.612345 out  "info\r"
 * 2026-11-22T05:01:03.000000Z      1.389000 in   bin 15 | "\x15"
 * 2026-11-22T05:01:04.000000Z      2.389000 ---- step: send v2
 * </pre>
 */
public final class TextTranscriptSink implements TranscriptSink {
    private final BufferedWriter out;

    public TextTranscriptSink(Path file) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    @Override
    public void write(TranscriptEntry e) throws IOException {
        out.write(e.wall().toString());
        out.write(String.format(Locale.ROOT, " %13.6f ", e.monoNanos() / 1e9));
        switch (e.direction()) {
            case MARKER -> out.write("---- " + e.marker());
            case IN, OUT -> {
                out.write(String.format(Locale.ROOT, "%-4s ", e.direction().label()));
                if (e.mode() == TranscriptEntry.Mode.BINARY) {
                    out.write("bin " + Escapes.hex(e.data(), 0, e.data().length) + " | ");
                }
                out.write('"' + e.text() + '"');
            }
        }
        out.newLine();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
