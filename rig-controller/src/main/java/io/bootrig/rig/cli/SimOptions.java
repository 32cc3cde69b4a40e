package io.bootrig.rig.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --name and --state, shared by the sim verbs. */
final class SimOptions {
    @Option(names = "--name", defaultValue = "sim-1", paramLabel = "NAME", description = "board name (default ${DEFAULT-VALUE})")
    String name;

    @Option(names = "--state", paramLabel = "DIR",
            description = "the board's directory (default $XDG_STATE_HOME/bootrig/sim/NAME, i.e. ~/.local/state/...)")
    Path state;

    Path directory() {
        return SimBoards.directory(SimBoards.checkName(name), state);
    }
}
