package io.bootrig.rig.cli;

import io.bootrig.rig.sim.VirtualBoardFaults;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code rig sim fault}: arm, list or clear faults on a running virtual board, to reproduce update failures. */
@Command(name = "fault", mixinStandardHelpOptions = true,
        description = {"Arm a fault on a running virtual board, or list or clear them. A fault stays listed, armed or "
                + "triggered, until cleared, so you can tell whether it struck.",
                "Faults: power-cut-at-block N | power-cut-after-trigger | power-cut-during-swap [staged|committed] | "
                        + "power-cut-after-bytes N | power-cut-after-flash-ops N | uart-corrupt N [rx|tx|both] | "
                        + "uart-drop RATE SEED. After a power cut: rig sim power --name NAME on.",
                "Exit 0 = done, 2 = the board refused the fault (bad arguments), 3 = the board is not running."})
final class SimFaultCommand implements Callable<Integer> {
    @Mixin
    SimOptions sim;

    @Parameters(paramLabel = "FAULT", arity = "1..*", description = "list | clear | a fault and its arguments")
    List<String> words;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        VirtualBoardFaults faults = new VirtualBoardFaults(SimPowerCommand.running(sim, spec));
        var out = spec.commandLine().getOut();
        try {
            switch (words.get(0)) {
                case "list" -> {
                    List<VirtualBoardFaults.Fault> list = faults.list();
                    if (list.isEmpty()) {
                        out.println(sim.name + ": no fault armed");
                    }
                    list.forEach(f -> out.println(sim.name + ": " + f.kind() + " " + f.argument() + ": "
                            + (f.triggered() ? "STRUCK" : "armed") + " (" + f.detail() + ")"));
                }
                case "clear" -> {
                    faults.clear();
                    out.println(sim.name + ": faults cleared");
                }
                default -> {
                    faults.arm(String.join(" ", words));
                    out.println(sim.name + ": armed " + String.join(" ", words));
                }
            }
            return ExitCode.OK;
        } catch (IOException e) {
            throw RigException.badInput(e.getMessage());
        }
    }
}
