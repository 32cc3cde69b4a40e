package io.bootrig.rig.flow;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How one step ended.
 *
 * @param writes what it wrote to the board (or, in a dry run, would write)
 * @param notes  what it saw and warned about, in order
 */
public record StepResult(int index, String name, String title, StepStatus status, Duration duration, String summary,
        Optional<FailureKind> failure, List<String> writes, List<String> notes) {
    public StepResult {
        writes = List.copyOf(writes);
        notes = List.copyOf(notes);
    }
}
