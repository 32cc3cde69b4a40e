package io.bootrig.rig.cli;

import io.bootrig.rig.sim.VirtualBoardProcess;
import io.bootrig.rig.sim.VirtualBoardUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    public Integer call() throws IOException {
        Path dir = sim.directory(RigCli.of(spec).home());
        var out = spec.commandLine().getOut();
        try {
            Optional<VirtualBoardProcess.Running> already = VirtualBoardProcess.running(dir);
            if (already.isPresent()) {
                out.println(json ? Files.readString(VirtualBoardProcess.processFile(dir)).strip()
                        : VirtualBoardProcess.describe(already.get()) + "\n  (already running)");
                return ExitCode.OK;
            }
            VirtualBoardProcess.Running r = VirtualBoardProcess.start(sim.name, dir,
                    baud == null ? List.of() : List.of("--baud", baud));
            out.println(json ? Files.readString(VirtualBoardProcess.processFile(dir)).strip() : VirtualBoardProcess.describe(r));
            return ExitCode.OK;
        } catch (VirtualBoardUnavailableException e) {
            throw new RigException(ExitCode.INFRASTRUCTURE, e.getMessage());
        }
    }
}
