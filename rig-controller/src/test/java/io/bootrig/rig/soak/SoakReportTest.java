package io.bootrig.rig.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SoakReportTest {
    private static final ResourceCensus CLEAN = new ResourceCensus(List.of(), 10, 2);

    private static CycleOutcome cycle(String fault, boolean struck, String failure) {
        return new CycleOutcome("b1", 1, fault, struck, 1, 2, "TESTING", failure, Duration.ofSeconds(1));
    }

    @Test
    void passesOnlyWithoutFailuresAndWithoutLeaks() {
        SoakReport ok = new SoakReport(1, 2, 7, List.of(cycle("none", true, ""), cycle("UART corruption", true, "")),
                List.of(), CLEAN, CLEAN, Duration.ofSeconds(3));
        assertThat(ok.passed()).isTrue();
        assertThat(ok.toMap()).containsEntry("faultsInjected", 1L).containsEntry("failures", 0L);

        SoakReport failed = new SoakReport(1, 1, 7, List.of(cycle("power cut after the trigger", false,
                "the fault was armed but never struck")), List.of(), CLEAN, CLEAN, Duration.ofSeconds(1));
        assertThat(failed.passed()).isFalse();
        assertThat(failed.byFault().get("power cut after the trigger")).containsExactly(1, 0, 1);

        SoakReport leaky = new SoakReport(1, 1, 7, List.of(cycle("none", true, "")), List.of(), CLEAN,
                new ResourceCensus(List.of("4242 /usr/bin/openocd"), 11, 3), Duration.ofSeconds(1));
        assertThat(leaky.passed()).isFalse();
        assertThat(leaky.leakedProcesses()).containsExactly("4242 /usr/bin/openocd");
        assertThat(leaky.leakedFileDescriptors()).isEqualTo(1);
        assertThat(leaky.leakedSockets()).isEqualTo(1);

        SoakReport boardDied = new SoakReport(1, 1, 7, List.of(), List.of("board 1: OpenOcdException: gone"), CLEAN, CLEAN,
                Duration.ofSeconds(1));
        assertThat(boardDied.passed()).isFalse();
    }

    @Test
    void theSameSeedDrawsTheSameFaults() {
        Random a = new Random(7);
        Random b = new Random(7);
        for (int i = 0; i < 20; i++) {
            assertThat(FaultPlan.draw(a, 71)).isEqualTo(FaultPlan.draw(b, 71));
        }
        Random r = new Random(1);
        assertThat(java.util.stream.IntStream.range(0, 200).mapToObj(i -> FaultPlan.draw(r, 71).kind()).distinct())
                .containsExactlyInAnyOrder("none", "power-cut-at-block", "power-cut-after-trigger", "power-cut-during-swap",
                        "uart-corrupt");
    }
}
