package io.bootrig.rig.openocd;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Stops a process together with everything it started, and makes sure registered processes do not
 * outlive the JVM. Java's destroy() reaches only the direct child, so descendants are collected first.
 */
public final class ProcessTree {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(p -> kill(p, Duration.ofMillis(500))),
                "bootrig-process-reaper"));
    }

    private ProcessTree() {}

    /** Kills the process at JVM exit unless it was killed before. */
    public static void killOnExit(Process p) {
        LIVE.add(p);
        p.onExit().thenRun(() -> LIVE.remove(p));
    }

    /** SIGTERM to the tree, then SIGKILL to whatever is still alive after {@code grace}. */
    public static void kill(Process p, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
        tree.add(p.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle h : tree) {
            long left = deadline - System.nanoTime();
            try {
                h.onExit().get(Math.max(1, left), TimeUnit.NANOSECONDS);
            } catch (Exception notYet) {
                h.destroyForcibly();
            }
        }
        for (ProcessHandle h : tree) {
            if (h.isAlive()) {
                h.destroyForcibly();
                try {
                    h.onExit().get(2, TimeUnit.SECONDS);
                } catch (Exception stillDying) {
                    // SIGKILL cannot be refused; the kernel finishes it without us
                }
            }
        }
        LIVE.remove(p);
    }
}
