package io.bootrig.board.debug;

import io.bootrig.board.bus.ResetLine;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A ResetLine that remembers the causes it was given. */
final class RecordingResetLine implements ResetLine {
    private final List<String> causes = new CopyOnWriteArrayList<>();

    @Override
    public void systemReset(String cause) {
        causes.add(cause);
    }

    List<String> causes() {
        return causes;
    }
}
