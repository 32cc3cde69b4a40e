package io.bootrig.rig.cli;

import io.bootrig.rig.sim.VirtualBoardProcess;
import io.bootrig.rig.sim.VirtualBoardUnavailableException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
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
        Path dir = sim.directory(RigCli.of(spec).home());
        var out = spec.commandLine().getOut();
        Optional<VirtualBoardProcess.Running> running;
        try {
            running = VirtualBoardProcess.running(dir);
        } catch (VirtualBoardUnavailableException e) {
            throw new RigException(ExitCode.INFRASTRUCTURE, e.getMessage());
        }
        if (running.isEmpty()) {
            out.println(sim.name + ": not running");
            return ExitCode.OK;
        }
        VirtualBoardProcess.stop(running.get());
        out.println(sim.name + ": stopped (state kept in " + dir + ")");
        return ExitCode.OK;
    }
}
