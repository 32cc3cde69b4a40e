package io.bootrig.rig.cli;

import io.bootrig.rig.RigHome;
import io.bootrig.rig.console.Transcript;
import io.bootrig.rig.inventory.BoardSelection;
import io.bootrig.rig.inventory.BoardSpec;
import io.bootrig.rig.inventory.Inventory;
import io.bootrig.rig.lease.Lease;
import io.bootrig.rig.lease.LeaseException;
import io.bootrig.rig.lease.Leases;
import io.bootrig.rig.openocd.OpenOcdException;
import io.bootrig.rig.session.BoardSession;
import io.bootrig.rig.sim.VirtualBoardUnavailableException;
import io.bootrig.wolfboot.FormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.stream.Collectors;

/**
 * A board as a command holds it: chosen (--board, RIG_BOARD, sim), leased, connected, with its run directory.
 * Infrastructure failures become exit 3 with the board's name; closing writes the OpenOCD log and releases all.
 */
final class BoardAccess implements AutoCloseable {
    private final BoardSelection selection;
    private final Lease lease;
    private final Transcript transcript;
    private final RunDirectory run;
    private BoardSession session;

    private BoardAccess(BoardSelection selection, Lease lease, Transcript transcript, RunDirectory run) {
        this.selection = selection;
        this.lease = lease;
        this.transcript = transcript;
        this.run = run;
    }

    static BoardSelection select(RigHome home, BoardOptions options) throws FormatException {
        return BoardSelection.select(Inventory.load(home), options.board, home.env());
    }

    /** The lease on the selected board, for `rig COMMAND`; a board another job holds is exit 3. */
    static Lease lease(RigHome home, BoardSelection selection, BoardOptions options, String command, PrintWriter err) {
        BoardSpec board = selection.board();
        Lease lease;
        try {
            lease = new Leases(home).acquire(board, selection.handedOverByJenkins(), options.leaseWait, "rig " + command);
        } catch (LeaseException e) {
            throw new RigException(ExitCode.INFRASTRUCTURE, board.name() + ": " + e.getMessage());
        }
        lease.reaped().ifPresent(s -> err.println("rig: " + board.name() + ": took over a stale lease (" + s + ")"));
        return lease;
    }

    /** Leases the selected board and connects to it (starting a virtual board when needed). */
    static BoardAccess open(RigHome home, BoardSelection selection, BoardOptions options, String command, PrintWriter err) {
        BoardSpec board = selection.board();
        Lease lease = lease(home, selection, options, command, err);
        RunDirectory run = RunDirectory.create(home, options.runDir, board.name(), command);
        Transcript transcript;
        try {
            transcript = Transcript.toFiles(run.transcriptStem());
        } catch (IOException e) {
            lease.close();
            throw RigException.badInput("cannot write the transcript in " + run.dir() + ": " + e.getMessage());
        }
        BoardAccess access = new BoardAccess(selection, lease, transcript, run);
        try {
            access.session = BoardSession.open(home, board, transcript);
            return access;
        } catch (OpenOcdException | VirtualBoardUnavailableException | IOException e) {
            access.close();
            throw new RigException(ExitCode.INFRASTRUCTURE, board.name() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            access.close();
            throw e;
        }
    }

    BoardSpec board() {
        return selection.board();
    }

    BoardSession session() {
        return session;
    }

    RunDirectory run() {
        return run;
    }

    Lease lease() {
        return lease;
    }

    @Override
    public void close() {
        try {
            if (session != null) {
                String log = session.openocd().log().lines().stream().map(l -> l.time() + " " + l.text())
                        .collect(Collectors.joining("\n", "", "\n"));
                session.close();
                Files.writeString(run.openOcdLog(), log);
            }
        } catch (IOException ignored) {
            // the log is a convenience; the run's result does not depend on it
        } finally {
            transcript.close();
            lease.close();
        }
    }
}
