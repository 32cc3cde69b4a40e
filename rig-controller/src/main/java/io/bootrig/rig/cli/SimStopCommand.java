package io.bootrig.rig.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Stop a virtual board (its flash, OTP and option bytes stay in its directory).")
final class SimStopCommand implements Callable<Integer> {
    @Mixin
    SimOptions sim;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path dir = sim.directory();
        var out = spec.commandLine().getOut();
        Optional<SimBoards.Running> running = SimBoards.running(dir);
        if (running.isEmpty()) {
            out.println(sim.name + ": not running");
            return ExitCode.OK;
        }
        SimBoards.Running r = running.get();
        ProcessHandle h = ProcessHandle.of(r.pid()).orElseThrow();
        try {
            SimBoards.control(r, "quit");
        } catch (IOException e) {
            h.destroy();
        }
        try {
            h.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception notYet) {
            h.destroy();
            try {
                h.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception stillNot) {
                h.destroyForcibly();
            }
        }
        Files.deleteIfExists(SimBoards.processFile(dir));
        out.println(sim.name + ": stopped (state kept in " + dir + ")");
        return ExitCode.OK;
    }
}
