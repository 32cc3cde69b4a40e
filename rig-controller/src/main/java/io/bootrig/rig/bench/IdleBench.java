package io.bootrig.rig.bench;

import io.bootrig.rig.console.Console;
import io.bootrig.rig.console.ExpectTimeoutException;
import io.bootrig.rig.flow.TestAppSession;
import java.time.Duration;
import java.util.regex.Pattern;

/** The controller's CPU while it waits on a quiet console (the board at its prompt) for text that never comes. */
public final class IdleBench {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private IdleBench() {}

    public static void run(BenchTable table, BenchBoard board) throws Exception {
        Console console = board.session.console();
        TestAppSession.atPrompt(console, Duration.ofSeconds(5));
        long cpu0 = ParallelBench.controllerCpuNanos();
        long t0 = System.nanoTime();
        try {
            console.expect(Pattern.compile("text the application never prints"), WAIT);
            throw new IllegalStateException("the quiet console printed the unprintable");
        } catch (ExpectTimeoutException expected) {
            double cpu = (ParallelBench.controllerCpuNanos() - cpu0) / 1e9;
            double wall = (System.nanoTime() - t0) / 1e9;
            table.add("idle", "controller CPU waiting " + WAIT.toSeconds() + " s on a quiet console",
                    String.format("%.2f%% of one core", 100 * cpu / wall), "", "",
                    "the console's reader thread blocks in the serial read; the whole JVM is counted (GC, OpenOCD reader)");
        }
    }
}
