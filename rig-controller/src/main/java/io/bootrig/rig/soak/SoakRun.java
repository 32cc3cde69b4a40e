package io.bootrig.rig.soak;

import io.bootrig.rig.RigHome;
import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.config.WolfBootConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * N virtual boards, each with its own keys and state, running provision + M update cycles with random faults in
 * parallel; the resources this JVM holds are counted before and after, so a leak shows.
 */
public final class SoakRun {
    private final RigHome home;
    private final Path configFile;
    private final Path work;

    public SoakRun(RigHome home, Path configFile, Path work) {
        this.home = home;
        this.configFile = configFile;
        this.work = work;
    }

    public SoakReport run(int boards, int cycles, long seed, String baud, Consumer<CycleOutcome> progress)
            throws IOException, FormatException, InterruptedException {
        return run(boards, cycles, seed, baud, true, progress);
    }

    /** @param faults false: every cycle is a clean update (for throughput figures) */
    public SoakReport run(int boards, int cycles, long seed, String baud, boolean faults, Consumer<CycleOutcome> progress)
            throws IOException, FormatException, InterruptedException {
        WolfBootConfig config = WolfBootConfig.parse(configFile.toString(), Files.readString(configFile));
        ResourceCensus before = ResourceCensus.take();
        long t0 = System.nanoTime();
        List<CycleOutcome> outcomes = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(boards);
        try {
            List<Future<List<CycleOutcome>>> futures = new ArrayList<>();
            for (int b = 1; b <= boards; b++) {
                String name = "soak-" + ProcessHandle.current().pid() + "-" + b;
                futures.add(pool.submit(new SoakBoard(home, name, work.resolve("board-" + b), configFile, config, cycles,
                        seed + b, baud, faults, o -> {
                            synchronized (progress) {
                                progress.accept(o);
                            }
                        })));
            }
            for (int b = 0; b < futures.size(); b++) {
                try {
                    outcomes.addAll(futures.get(b).get());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    errors.add("board " + (b + 1) + ": " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        ResourceCensus after = ResourceCensus.take();
        return new SoakReport(boards, cycles, seed, outcomes, errors, before, after, Duration.ofNanos(System.nanoTime() - t0));
    }
}
