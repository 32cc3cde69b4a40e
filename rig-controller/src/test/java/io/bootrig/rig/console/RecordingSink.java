package io.bootrig.rig.console;

import java.util.ArrayList;
import java.util.List;

/** Keeps transcript entries in memory for assertions. */
final class RecordingSink implements TranscriptSink {
    private final List<TranscriptEntry> entries = new ArrayList<>();

    @Override
    public synchronized void write(TranscriptEntry entry) {
        entries.add(entry);
    }

    synchronized List<TranscriptEntry> entries() {
        return List.copyOf(entries);
    }

    @Override
    public void close() {}
}
