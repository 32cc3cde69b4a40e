package io.bootrig.rig.bench;

import io.bootrig.rig.RigHome;
import io.bootrig.rig.soak.SoakReport;
import io.bootrig.rig.soak.SoakRun;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * N virtual boards at once, each provisioned then updated once (115200 baud consoles), all from this one controller:
 * wall time, CPU of the controller and of every child (board JVMs, OpenOCD), and the peak memory of one board's
 * processes.
 */
public final class ParallelBench {
    private ParallelBench() {}

    public static void run(BenchTable table, RigHome home, Path dir, List<Integer> counts) throws Exception {
        Path config = home.boardConfigs().resolve("wolfboot/stm32h5-tz-dualbank-otp-lms.config");
        for (int n : counts) {
            long cpu0 = controllerCpuNanos();
            long t0 = System.nanoTime();
            SoakReport report;
            Collection<ProcessSampler.Seen> seen;
            try (ProcessSampler sampler = new ProcessSampler(200)) {
                report = new SoakRun(home, config, dir.resolve(n + "-boards")).run(n, 1, 1, "115200", false, o -> { });
                seen = sampler.seen().values();
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            double controller = (controllerCpuNanos() - cpu0) / 1e9;
            double children = seen.stream().mapToLong(ProcessSampler.Seen::cpuTicks).sum() / 100.0;
            double boardMb = average(seen, "java") / 1024;
            double openocdMb = average(seen, "openocd") / 1024;
            if (!report.passed()) {
                throw new IllegalStateException(n + " boards: " + report.failures() + " failure(s): " + report.toMap());
            }
            table.add("parallel", n + " board(s): provision + one update each, wall time", String.format("%.1f s", wall), "",
                    String.format("%.1f s per board", wall / n), "2 cores shared by the controller, " + n
                            + " board JVMs and " + n + " OpenOCDs; 115200-baud consoles");
            table.add("parallel", n + " board(s): CPU (controller + children)", String.format("%.1f s + %.1f s", controller,
                    children), "", String.format("%.0f%% of the wall time on 2 cores", 100 * (controller + children) / wall / 2),
                    "the boards are simulated in Java: a real board costs the controller only its OpenOCD");
            table.add("parallel", n + " board(s): peak memory per board", String.format("%.0f MB board + %.0f MB OpenOCD",
                    boardMb, openocdMb), "", "", "the simulated board's JVM; a real board needs only the OpenOCD part");
        }
    }

    private static double average(Collection<ProcessSampler.Seen> seen, String command) {
        return seen.stream().filter(s -> s.command().endsWith("/" + command) || s.command().equals(command))
                .mapToLong(ProcessSampler.Seen::peakRssKb).average().orElse(0);
    }

    static long controllerCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
