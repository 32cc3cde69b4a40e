package io.bootrig.rig.demo;

import io.bootrig.rig.TestEnvironment;
import io.bootrig.wolfboot.config.WolfBootConfig;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints how long {@link DemoMaterials#create} takes for the LMS L2-H5-W8 config (two key
 * generations, two signatures) and each of its steps; run with {@code mvn -B verify -Pbench}.
 */
class DemoMaterialsBenchmark {
    private static final int WARM_UP = 2;
    private static final int RUNS = 7;

    @Test
    void create(@TempDir Path dir) throws Exception {
        WolfBootConfig config = WolfBootConfig.read(
                TestEnvironment.root().resolve("board-configs/wolfboot/stm32h5-tz-dualbank-otp-lms.config"));
        long[] total = new long[RUNS];
        Map<String, long[]> steps = new LinkedHashMap<>();
        long first = 0;
        for (int run = -WARM_UP; run < RUNS; run++) {
            StepClock clock = new StepClock();
            long start = System.nanoTime();
            DemoMaterials.create(dir.resolve("run" + (run + WARM_UP)), config, clock);
            long end = System.nanoTime();
            clock.finish(end);
            if (run == -WARM_UP) {
                first = end - start;
            }
            if (run >= 0) {
                total[run] = end - start;
                int index = run;
                clock.durations.forEach((step, nanos) -> steps.computeIfAbsent(step, s -> new long[RUNS])[index] = nanos);
            }
        }
        System.out.printf("DemoMaterials.create, LMS L2-H5-W8: first run %.1f ms; then %d warm-up + %d measured runs,"
                + " median ms%n", first / 1e6, WARM_UP - 1, RUNS);
        steps.forEach((step, nanos) -> System.out.printf("  %-72s %8.1f%n", step, median(nanos)));
        System.out.printf("  %-72s %8.1f%n", "total", median(total));
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    /** Times each step from its announcement to the next one. */
    private static final class StepClock implements ProgressSink {
        final Map<String, Long> durations = new LinkedHashMap<>();
        private String current;
        private long since;

        @Override
        public void step(String description) {
            finish(System.nanoTime());
            current = description;
            since = System.nanoTime();
        }

        void finish(long now) {
            if (current != null) {
                durations.put(current, now - since);
                current = null;
            }
        }
    }
}
