package io.bootrig.rig.console;

import java.time.Instant;

/**
 * One transcript record: a chunk of bytes received or sent, or a step marker. {@code monoNanos} counts from the
 * transcript's start on the monotonic clock (ordering and intervals); {@code wall} is the wall clock (correlation).
 */
public record TranscriptEntry(long seq, Instant wall, long monoNanos, Direction direction, Mode mode, byte[] data,
        String marker) {

    public enum Direction {
        IN("in"), OUT("out"), MARKER("marker");

        private final String label;

        Direction(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** TEXT for console lines; BINARY while a protocol (XMODEM) uses the console's byte view. */
    public enum Mode { TEXT, BINARY }

    /** The bytes as escaped text (markers: the marker text). */
    public String text() {
        return direction == Direction.MARKER ? marker : Escapes.text(data, 0, data.length);
    }
}
