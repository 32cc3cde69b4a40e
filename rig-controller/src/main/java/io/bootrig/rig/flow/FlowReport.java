package io.bootrig.rig.flow;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A finished flow: every step's result, the values the steps produced, and the first failure.
 *
 * @param results values steps produced (versions, OTP header, keys, messages), in order
 */
public record FlowReport(String flow, String board, boolean dryRun, Instant started, Duration duration,
        List<StepResult> steps, Map<String, Object> results) {

    public FlowReport {
        steps = List.copyOf(steps);
        results = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(results));
    }

    public boolean passed() {
        return steps.stream().noneMatch(s -> s.status() == StepStatus.FAILED);
    }

    /** The failed step, if any. */
    public Optional<StepResult> failedStep() {
        return steps.stream().filter(s -> s.status() == StepStatus.FAILED).findFirst();
    }

    public Optional<FailureKind> failure() {
        return failedStep().flatMap(StepResult::failure);
    }

    public Optional<StepResult> step(String name) {
        return steps.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
