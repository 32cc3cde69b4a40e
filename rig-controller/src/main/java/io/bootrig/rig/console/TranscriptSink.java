package io.bootrig.rig.console;

import java.io.IOException;

/** Where transcript entries go: a file in some format, or a listener. */
public interface TranscriptSink extends AutoCloseable {
    void write(TranscriptEntry entry) throws IOException;

    @Override
    void close() throws IOException;
}
