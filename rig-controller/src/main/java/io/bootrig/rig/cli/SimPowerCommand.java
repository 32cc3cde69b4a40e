package io.bootrig.rig.cli;

import io.bootrig.rig.sim.VirtualBoardProcess;
import io.bootrig.rig.sim.VirtualBoardUnavailableException;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code rig sim power on|off|cycle}: the virtual board's power switch. */
@Command(name = "power", mixinStandardHelpOptions = true,
        description = {"Switch a running virtual board's power: on, off or cycle (off, then on: the board boots).",
                "Exit 0 = done, 2 = bad usage, 3 = the board is not running."})
final class SimPowerCommand implements Callable<Integer> {
    @Mixin
    SimOptions sim;

    @Parameters(paramLabel = "on|off|cycle", description = "what to do")
    String action;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!action.equals("on") && !action.equals("off") && !action.equals("cycle")) {
            throw RigException.badInput("'" + action + "': give on, off or cycle");
        }
        VirtualBoardProcess.Running r = running(sim, spec);
        try {
            String reply = VirtualBoardProcess.control(r, "power " + action);
            spec.commandLine().getOut().println(sim.name + ": " + reply);
            return ExitCode.OK;
        } catch (IOException e) {
            throw new RigException(ExitCode.INFRASTRUCTURE, sim.name + ": its control port does not answer: "
                    + e.getMessage());
        }
    }

    /** The running board named by {@code sim}; not running is exit 3. */
    static VirtualBoardProcess.Running running(SimOptions sim, picocli.CommandLine.Model.CommandSpec spec) {
        try {
            Optional<VirtualBoardProcess.Running> r = VirtualBoardProcess.running(sim.directory(RigCli.of(spec).home()));
            return r.orElseThrow(() -> new RigException(ExitCode.INFRASTRUCTURE, sim.name
                    + ": not running (start it with rig sim start --name " + sim.name + ")"));
        } catch (VirtualBoardUnavailableException e) {
            throw new RigException(ExitCode.INFRASTRUCTURE, e.getMessage());
        }
    }
}
