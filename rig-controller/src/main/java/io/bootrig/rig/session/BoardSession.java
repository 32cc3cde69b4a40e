package io.bootrig.rig.session;

import io.bootrig.rig.RigHome;
import io.bootrig.rig.console.Console;
import io.bootrig.rig.console.Transcript;
import io.bootrig.rig.inventory.BoardSpec;
import io.bootrig.rig.inventory.ConsoleSpec;
import io.bootrig.rig.link.LinkEndpoint;
import io.bootrig.rig.link.LinkUnavailableException;
import io.bootrig.rig.link.SerialSettings;
import io.bootrig.rig.openocd.OpenOcd;
import io.bootrig.rig.openocd.OpenOcdException;
import io.bootrig.rig.openocd.OpenOcdSettings;
import io.bootrig.rig.power.PowerException;
import io.bootrig.rig.power.PowerSwitch;
import io.bootrig.rig.power.PowerSwitches;
import io.bootrig.rig.sim.VirtualBoardProcess;
import io.bootrig.rig.sim.VirtualBoardUnavailableException;
import io.bootrig.rig.stm32h5.Stm32h5;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One board, connected: OpenOCD started with the board's interface and the STM32H5 target, the chip operations on
 * it, and the UART console (opened on first use). A virtual board is started first if it is not running, and is left
 * running at the end, like a real board left powered. Closing stops OpenOCD and closes the console.
 */
public final class BoardSession implements AutoCloseable {
    /** How long to wait for a console port that is not there yet (a USB serial port re-enumerating after reset). */
    public static final Duration CONSOLE_WAIT = Duration.ofSeconds(10);

    private final BoardSpec board;
    private final OpenOcd ocd;
    private final Stm32h5 chip;
    private final LinkEndpoint consoleEndpoint;
    private final Transcript transcript;
    private final Optional<VirtualBoardProcess.Running> virtual;
    private final Path workDir;
    private Console console;

    private BoardSession(BoardSpec board, OpenOcd ocd, Path workDir, LinkEndpoint consoleEndpoint, Transcript transcript,
            Optional<VirtualBoardProcess.Running> virtual) {
        this.board = board;
        this.ocd = ocd;
        this.workDir = workDir;
        this.chip = new Stm32h5(ocd, workDir);
        this.consoleEndpoint = consoleEndpoint;
        this.transcript = transcript;
        this.virtual = virtual;
    }

    /**
     * Connects to {@code board}: starts its virtual board process if needed, then OpenOCD.
     *
     * @param transcript where the console's bytes and the flow's step markers go (the session does not close it)
     */
    public static BoardSession open(RigHome home, BoardSpec board, Transcript transcript)
            throws OpenOcdException, VirtualBoardUnavailableException, IOException {
        Optional<VirtualBoardProcess.Running> virtual = virtualProcess(board);
        LinkEndpoint endpoint = consoleEndpoint(board, virtual);
        OpenOcdSettings settings = openOcdSettings(home, board, virtual);
        Path work = Files.createTempDirectory("bootrig-" + board.name() + "-");
        try {
            return new BoardSession(board, OpenOcd.start(settings), work, endpoint, transcript, virtual);
        } catch (OpenOcdException | RuntimeException e) {
            deleteTree(work);
            throw e;
        }
    }

    /** The OpenOCD configuration for {@code board}: its interface part, then the STM32H5 target and the rig's procedures. */
    public static OpenOcdSettings openOcdSettings(RigHome home, BoardSpec board, Optional<VirtualBoardProcess.Running> virtual)
            throws OpenOcdException {
        Path scripts = home.openocdScripts();
        OpenOcdSettings s = OpenOcdSettings.of(OpenOcdExecutable.find(home.env())).searchDir(scripts);
        if (virtual.isPresent()) {
            s = s.command("set VIRTUAL_BOARD_PORT " + virtual.get().debugPort());
        }
        if (board.stlinkSerial().isPresent()) {
            s = s.command("set STLINK_SERIAL " + board.stlinkSerial().get());
        }
        for (String c : board.openocd().commands()) {
            s = s.command(c);
        }
        Path iface = Path.of(board.openocd().file());
        return s.file(iface.isAbsolute() ? iface : scripts.resolve(iface))
                .file(scripts.resolve("target/stm32h5.cfg"))
                .file(scripts.resolve("bootrig-stm32h5.tcl"));
    }

    /** Where {@code board}'s console is, without OpenOCD (a virtual board is started if it is not running). */
    public static LinkEndpoint consoleOnly(BoardSpec board) throws VirtualBoardUnavailableException {
        return consoleEndpoint(board, virtualProcess(board));
    }

    /** A virtual board's process, started from its state directory if it is not running; empty for a real board. */
    private static Optional<VirtualBoardProcess.Running> virtualProcess(BoardSpec board)
            throws VirtualBoardUnavailableException {
        if (!board.isVirtual()) {
            return Optional.empty();
        }
        Path dir = board.stateDirectory().orElseThrow(() -> new IllegalArgumentException(
                board.name() + ": a virtual board needs a state directory"));
        return Optional.of(VirtualBoardProcess.ensureRunning(board.name(), dir, List.of()));
    }

    private static LinkEndpoint consoleEndpoint(BoardSpec board, Optional<VirtualBoardProcess.Running> virtual) {
        ConsoleSpec c = board.console();
        if (c instanceof ConsoleSpec.Port p) {
            return LinkEndpoint.parse(p.port(), p.settings());
        }
        return LinkEndpoint.parse(virtual.orElseThrow(() -> new IllegalArgumentException(
                board.name() + ": console 'virtual' needs a virtual board")).console(), SerialSettings.DEFAULT);
    }

    public BoardSpec board() {
        return board;
    }

    public OpenOcd openocd() {
        return ocd;
    }

    public Stm32h5 chip() {
        return chip;
    }

    public Transcript transcript() {
        return transcript;
    }

    /** The running virtual board process, for virtual boards. */
    public Optional<VirtualBoardProcess.Running> virtualBoard() {
        return virtual;
    }

    /** The board's power switch (none, an external command, or the virtual board's control port). */
    public PowerSwitch power() {
        return PowerSwitches.of(board, () -> virtual.orElseThrow(() -> new PowerException(board.name()
                + ": power 'virtual' needs a virtual board")).controlPort());
    }

    public LinkEndpoint consoleEndpoint() {
        return consoleEndpoint;
    }

    /** The console, opened on first use (waiting up to {@link #CONSOLE_WAIT} for the port). */
    public synchronized Console console() throws LinkUnavailableException {
        if (console == null) {
            console = Console.open(consoleEndpoint, CONSOLE_WAIT, transcript);
        }
        return console;
    }

    /** A marker in the transcript ("step 3/11: flash-primer"). */
    public void marker(String text) {
        transcript.marker(text);
    }

    @Override
    public synchronized void close() {
        try {
            if (console != null) {
                console.close();
            }
        } finally {
            try {
                ocd.close();
            } finally {
                deleteTree(workDir);
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; nothing else depends on it being gone
        }
    }
}
