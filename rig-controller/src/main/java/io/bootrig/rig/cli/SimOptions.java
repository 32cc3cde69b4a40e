package io.bootrig.rig.cli;

import io.bootrig.rig.RigHome;
import io.bootrig.rig.sim.VirtualBoardProcess;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --name and --state, shared by the sim verbs. */
final class SimOptions {
    @Option(names = "--name", defaultValue = "sim-1", paramLabel = "NAME", description = "board name (default ${DEFAULT-VALUE})")
    String name;

    @Option(names = "--state", paramLabel = "DIR",
            description = "the board's directory (default $XDG_STATE_HOME/bootrig/sim/NAME, i.e. ~/.local/state/...)")
    Path state;

    Path directory(RigHome home) {
        if (!VirtualBoardProcess.validName(name)) {
            throw RigException.badInput("--name: '" + name + "' must be letters, digits, '.', '_' or '-'");
        }
        return state != null ? state.toAbsolutePath() : home.stateHome().resolve("sim").resolve(name);
    }
}
