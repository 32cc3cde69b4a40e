package io.bootrig.rig.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Samples this JVM's descendants (board JVMs, OpenOCD) from /proc every {@code period}: each one's command, peak
 * resident memory and CPU time so far. A process that ends between two samples loses at most one period of CPU.
 */
final class ProcessSampler implements AutoCloseable {
    /** What was seen of one process. */
    record Seen(long pid, String command, long peakRssKb, long cpuTicks) {}

    private static final long TICKS_PER_SECOND = 100;
    private final Map<Long, Seen> seen = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    ProcessSampler(long periodMillis) {
        thread = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(periodMillis); // a sampling period, not a wait for a condition
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-process-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample() {
        ProcessHandle.current().descendants().forEach(p -> {
            try {
                long rss = rssKb(p.pid());
                long cpu = cpuTicks(p.pid());
                String cmd = p.info().command().orElse("?");
                seen.merge(p.pid(), new Seen(p.pid(), cmd, rss, cpu), (a, b) -> new Seen(a.pid(), a.command(),
                        Math.max(a.peakRssKb(), b.peakRssKb()), Math.max(a.cpuTicks(), b.cpuTicks())));
            } catch (IOException | RuntimeException gone) {
                // ended while sampled
            }
        });
    }

    Map<Long, Seen> seen() {
        sample();
        return Map.copyOf(seen);
    }

    static double seconds(long ticks) {
        return ticks / (double) TICKS_PER_SECOND;
    }

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
