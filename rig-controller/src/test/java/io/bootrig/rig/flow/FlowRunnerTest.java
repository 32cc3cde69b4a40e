package io.bootrig.rig.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a flow ends when a step fails: at once, or, for a matrix of cases, only when the failure is not the product's. */
class FlowRunnerTest {
    private static Step passes(String name) {
        return Step.reading(name, name, ctx -> ctx.summary("ok"));
    }

    private static Step fails(String name, FailureKind kind) {
        return Step.reading(name, name, ctx -> {
            throw new StepFailure(kind, name + " failed");
        });
    }

    @Test
    void aFlowStopsAtItsFirstFailure() {
        FlowReport r = new FlowRunner().run("f", "b", List.of(fails("a", FailureKind.PRODUCT), passes("b")), false,
                FlowListener.NONE, Map.of());
        assertThat(r.steps()).extracting(StepResult::status).containsExactly(StepStatus.FAILED, StepStatus.NOT_RUN);
    }

    @Test
    void casesGoOnAfterAProductFailureAndStopAfterAnyOther() {
        FlowReport r = new FlowRunner().runCases("m", "b", List.of(fails("a", FailureKind.PRODUCT), passes("b"),
                fails("c", FailureKind.INFRASTRUCTURE), passes("d")), FlowListener.NONE, Map.of());
        assertThat(r.steps()).extracting(StepResult::status).containsExactly(StepStatus.FAILED, StepStatus.PASSED,
                StepStatus.FAILED, StepStatus.NOT_RUN);
        assertThat(r.failure()).contains(FailureKind.PRODUCT);
    }
}
