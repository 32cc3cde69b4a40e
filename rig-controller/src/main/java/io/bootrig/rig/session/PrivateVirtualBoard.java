package io.bootrig.rig.session;

import io.bootrig.rig.inventory.BoardKind;
import io.bootrig.rig.inventory.BoardSpec;
import io.bootrig.rig.inventory.ConsoleSpec;
import io.bootrig.rig.inventory.OpenOcdInterface;
import io.bootrig.rig.inventory.PowerSpec;
import io.bootrig.rig.sim.VirtualBoardProcess;
import io.bootrig.rig.sim.VirtualBoardUnavailableException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fresh virtual board that belongs to one run: its own state directory and process, tagged sacrificial, in no
 * inventory (so no lease). Closing stops it; so does the JVM's exit if the run is interrupted.
 */
public final class PrivateVirtualBoard implements AutoCloseable {
    private final BoardSpec spec;
    private final VirtualBoardProcess.Running running;
    private final Thread stopper;
    private boolean kept;

    private PrivateVirtualBoard(BoardSpec spec, VirtualBoardProcess.Running running) {
        this.spec = spec;
        this.running = running;
        this.stopper = new Thread(this::stop, "bootrig-private-board-stop-" + spec.name());
        Runtime.getRuntime().addShutdownHook(stopper);
    }

    /**
     * Starts board {@code name} from {@code dir}, which should be new: a board keeps its flash and OTP there.
     *
     * @param baud the console's line rate ("115200", or "unpaced" for tests)
     */
    public static PrivateVirtualBoard start(String name, Path dir, Path wolfBootConfig, String baud, String purpose)
            throws VirtualBoardUnavailableException {
        VirtualBoardProcess.Running r = VirtualBoardProcess.start(name, dir, List.of("--baud", baud));
        BoardSpec spec = new BoardSpec(name, BoardKind.VIRTUAL, Optional.empty(), new ConsoleSpec.Virtual(),
                new OpenOcdInterface("interface/virtual-board.cfg", List.of()), new PowerSpec.Virtual(), wolfBootConfig,
                Map.of("sacrificial", "true"), Optional.of(dir), purpose);
        return new PrivateVirtualBoard(spec, r);
    }

    public BoardSpec spec() {
        return spec;
    }

    /** Leaves the board running after this run (it can be stopped with rig sim stop): closing no longer stops it. */
    public void keep() {
        Runtime.getRuntime().removeShutdownHook(stopper);
        kept = true;
    }

    @Override
    public void close() throws IOException {
        if (kept) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopper);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or will: it stops the board
            return;
        }
        VirtualBoardProcess.stop(running);
    }

    private void stop() {
        try {
            VirtualBoardProcess.stop(running);
        } catch (IOException e) {
            System.err.println("could not stop virtual board " + spec.name() + " (" + e.getMessage()
                    + "); stop it with: rig sim stop --state " + running.dir());
        }
    }
}
