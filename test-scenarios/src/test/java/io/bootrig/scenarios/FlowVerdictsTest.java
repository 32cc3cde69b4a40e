package io.bootrig.scenarios;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bootrig.rig.flow.FailureKind;
import io.bootrig.rig.flow.FlowListener;
import io.bootrig.rig.flow.FlowReport;
import io.bootrig.rig.flow.FlowRunner;
import io.bootrig.rig.flow.Step;
import io.bootrig.rig.flow.StepFailure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Product failures fail a scenario; infrastructure and setup problems are errors, tagged for Allure's categories. */
class FlowVerdictsTest {
    private static FlowReport failing(FailureKind kind) {
        return new FlowRunner().run("update", "b1", List.of(Step.reading("reboot", "reboot", ctx -> {
            throw new StepFailure(kind, "what went wrong");
        })), false, FlowListener.NONE, Map.of());
    }

    @Test
    void eachKindOfFailureBecomesWhatTheReportShouldShow() {
        assertThatThrownBy(() -> FlowVerdicts.assertPassed(failing(FailureKind.PRODUCT))).isInstanceOf(AssertionError.class)
                .hasMessage("[product] update on b1, step 'reboot': what went wrong");
        assertThatThrownBy(() -> FlowVerdicts.assertPassed(failing(FailureKind.INFRASTRUCTURE)))
                .isInstanceOf(InfrastructureFailure.class).hasMessageStartingWith("[infrastructure] update on b1");
        assertThatThrownBy(() -> FlowVerdicts.assertPassed(failing(FailureKind.REFUSED)))
                .isInstanceOf(SetupFailure.class).hasMessageStartingWith("[setup] update on b1");
        assertThatThrownBy(() -> FlowVerdicts.assertPassed(failing(FailureKind.INPUT))).isInstanceOf(SetupFailure.class);
        assertThatCode(() -> FlowVerdicts.assertPassed(new FlowRunner().run("update", "b1",
                List.of(Step.reading("ok", "ok", ctx -> { })), false, FlowListener.NONE, Map.of()))).doesNotThrowAnyException();
    }
}
