package io.bootrig.rig.cli;

import io.bootrig.rig.sim.VirtualBoardProcess;
import io.bootrig.rig.sim.VirtualBoardUnavailableException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show whether a virtual board runs, where its ports are, and what its firmware is doing.")
final class SimStatusCommand implements Callable<Integer> {
    @Mixin
    SimOptions sim;

    @Option(names = "--json", description = "print the board's own status JSON")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Path dir = sim.directory(RigCli.of(spec).home());
        var out = spec.commandLine().getOut();
        Optional<VirtualBoardProcess.Running> running;
        try {
            running = VirtualBoardProcess.running(dir);
        } catch (VirtualBoardUnavailableException e) {
            throw new RigException(ExitCode.INFRASTRUCTURE, e.getMessage());
        }
        if (running.isEmpty()) {
            out.println(json ? "{\"name\":\"" + sim.name + "\",\"running\":false}" : sim.name + ": not running (" + dir + ")");
            return ExitCode.OK;
        }
        String status;
        try {
            status = VirtualBoardProcess.control(running.get(), "status");
        } catch (IOException e) {
            throw new RigException(ExitCode.INFRASTRUCTURE, sim.name + ": running (pid " + running.get().pid()
                    + ") but its control port does not answer: " + e.getMessage());
        }
        out.println(json ? status : VirtualBoardProcess.describe(running.get()) + "\n  status:   " + status);
        return ExitCode.OK;
    }
}
