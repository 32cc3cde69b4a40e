package io.bootrig.rig.cli;

import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** --board, --lease-wait and --run-dir, shared by the commands that work on a board. */
final class BoardOptions {
    @Option(names = "--board", paramLabel = "NAME",
            description = "board from board-configs/boards (default: $RIG_BOARD, else 'sim', a virtual board started on demand)")
    String board;

    @Option(names = "--lease-wait", paramLabel = "DURATION", defaultValue = "0", converter = DurationConverter.class,
            description = "wait this long for a board another job holds (default: fail at once)")
    Duration leaseWait;

    @Option(names = "--run-dir", paramLabel = "DIR",
            description = "where the transcript, OpenOCD log and run record go (default $XDG_STATE_HOME/bootrig/runs/BOARD/TIME-COMMAND)")
    Path runDir;
}
