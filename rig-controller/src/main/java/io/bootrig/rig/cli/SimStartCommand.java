package io.bootrig.rig.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Start a virtual board in the background and print where OpenOCD, the console and the control port are.")
final class SimStartCommand implements Callable<Integer> {
    @Mixin
    SimOptions sim;

    @Option(names = "--baud", paramLabel = "N|unpaced", description = "console line rate (default 115200)")
    String baud;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path dir = sim.directory();
        var out = spec.commandLine().getOut();
        Optional<SimBoards.Running> already = SimBoards.running(dir);
        if (already.isPresent()) {
            out.println(json ? Files.readString(SimBoards.processFile(dir)).strip() : SimBoards.describe(already.get())
                    + "\n  (already running)");
            return ExitCode.OK;
        }
        Files.createDirectories(dir);
        Path log = dir.resolve("board.log");
        Files.deleteIfExists(log);
        String javaExe = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>(List.of(javaExe, "-cp", System.getProperty("java.class.path"),
                "io.bootrig.board.VirtualBoardMain", "--state", dir.resolve("flash").toString(), "--name", sim.name,
                "--detached"));
        if (baud != null) {
            cmd.add("--baud");
            cmd.add(baud);
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(new File("/dev/null")).start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            Optional<String> ready = text.lines().filter(l -> l.startsWith("{")).findFirst();
            if (ready.isPresent()) {
                SimBoards.record(dir, ready.get());
                SimBoards.Running r = SimBoards.parse(ready.get(), dir);
                out.println(json ? ready.get().strip() : SimBoards.describe(r));
                return ExitCode.OK;
            }
            if (!p.isAlive()) {
                throw new RigException(ExitCode.INFRASTRUCTURE, "virtual board " + sim.name + " did not start (exit "
                        + p.exitValue() + "): " + text.strip());
            }
            if (System.nanoTime() > deadline) {
                p.destroy();
                throw new RigException(ExitCode.INFRASTRUCTURE, "virtual board " + sim.name
                        + " did not report ready within 30 s; see " + log);
            }
            p.waitFor(50, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }
}
