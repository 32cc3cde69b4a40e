package io.bootrig.rig;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.bootrig.wolfboot.FuzzTargets;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The short fuzzing run of {@code mvn verify}: every fuzz target of this module in one Jazzer run
 * (Jazzer fuzzes one test per JVM, and a JVM with the fuzzer costs seconds to start). Run only by
 * Surefire's {@code fuzz-smoke} execution, with JAZZER_FUZZ set, a fixed libFuzzer seed and a fixed
 * number of executions; its name keeps it out of the ordinary test run.
 */
class FuzzSmoke {
    private static final FuzzTargets TARGETS = FuzzTargets.discover(FuzzSmoke.class);

    static {
        FuzzTargets.forgetEarlierRuns();
    }

    static Stream<Arguments> seeds() {
        return TARGETS.seeds();
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "60s")
    void everyParser(byte[] data) {
        TARGETS.run(data);
    }
}
