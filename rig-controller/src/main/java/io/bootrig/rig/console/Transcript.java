package io.bootrig.rig.console;

import io.bootrig.rig.console.TranscriptEntry.Direction;
import io.bootrig.rig.console.TranscriptEntry.Mode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything that crossed a console, in order, with timestamps and direction, plus the rig's step markers. Thread-safe:
 * the console's reader thread and the sending thread both record. Markers are free text: never put secrets in them.
 */
public final class Transcript implements AutoCloseable {
    private final List<TranscriptSink> sinks;
    private final Clock wallClock = Clock.systemUTC();
    private final long startNanos = System.nanoTime();
    private final Path textFile;
    private final Path jsonLinesFile;
    private long seq;
    private IOException failure;

    private Transcript(List<TranscriptSink> sinks, Path textFile, Path jsonLinesFile) {
        this.sinks = new ArrayList<>(sinks);
        this.textFile = textFile;
        this.jsonLinesFile = jsonLinesFile;
    }

    /** A transcript written to {@code stem}.txt and {@code stem}.jsonl (directories are created). */
    public static Transcript toFiles(Path stem) throws IOException {
        Path dir = stem.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path text = dir.resolve(stem.getFileName() + ".txt");
        Path json = dir.resolve(stem.getFileName() + ".jsonl");
        TextTranscriptSink textSink = new TextTranscriptSink(text);
        try {
            return new Transcript(List.of(textSink, new JsonLinesTranscriptSink(json)), text, json);
        } catch (IOException e) {
            textSink.close();
            throw e;
        }
    }

    /** A transcript that goes only to the given sinks (e.g. a test's listener). */
    public static Transcript to(TranscriptSink... sinks) {
        return new Transcript(List.of(sinks), null, null);
    }

    public Optional<Path> textFile() {
        return Optional.ofNullable(textFile);
    }

    public Optional<Path> jsonLinesFile() {
        return Optional.ofNullable(jsonLinesFile);
    }

    public void received(byte[] data, int offset, int length, Mode mode) {
        record(Direction.IN, mode, java.util.Arrays.copyOfRange(data, offset, offset + length), null);
    }

    public void sent(byte[] data, int offset, int length, Mode mode) {
        record(Direction.OUT, mode, java.util.Arrays.copyOfRange(data, offset, offset + length), null);
    }

    /** A step marker ("step: update to v2"). */
    public void marker(String text) {
        record(Direction.MARKER, null, new byte[0], text);
    }

    private synchronized void record(Direction direction, Mode mode, byte[] data, String marker) {
        Instant wall = wallClock.instant();
        TranscriptEntry entry = new TranscriptEntry(++seq, wall, System.nanoTime() - startNanos, direction, mode, data, marker);
        for (TranscriptSink sink : sinks) {
            try {
                sink.write(entry);
            } catch (IOException e) {
                // the console keeps working; the failure is reported when the transcript is closed
                if (failure == null) {
                    failure = e;
                }
            }
        }
    }

    /** Closes the sinks; reports the first write failure, if any. */
    @Override
    public synchronized void close() {
        IOException first = failure;
        for (TranscriptSink sink : sinks) {
            try {
                sink.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        sinks.clear();
        if (first != null) {
            throw new UncheckedIOException("transcript could not be written completely: " + first.getMessage(), first);
        }
    }
}
