package io.bootrig.rig.cli;

import io.bootrig.rig.RigHome;
import io.bootrig.rig.console.Console;
import io.bootrig.rig.console.Transcript;
import io.bootrig.rig.console.TranscriptEntry;
import io.bootrig.rig.inventory.BoardSelection;
import io.bootrig.rig.lease.Lease;
import io.bootrig.rig.link.ByteLink;
import io.bootrig.rig.link.LinkEndpoint;
import io.bootrig.rig.link.LinkUnavailableException;
import io.bootrig.rig.link.SerialSettings;
import io.bootrig.rig.session.BoardSession;
import io.bootrig.rig.sim.VirtualBoardUnavailableException;
import io.bootrig.wolfboot.FormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code rig console}: an interactive pass-through to a board's UART console, with a transcript of every byte. */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = {"Connect the terminal to a board's UART console: keyboard to board, board to screen. "
                + "Every byte is kept in a transcript (text and JSON lines), whose path is printed at exit.",
                "Ends on Ctrl-], or at the end of standard input once the board has been quiet for --drain "
                + "(so 'printf \"info\\n\" | rig console --port ...' works in CI). LF is sent as CR.",
                "Exit 0 = ended normally, 2 = bad usage, 3 = the port is missing or went away."})
final class ConsoleCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "PORT",
            description = "serial device (/dev/ttyACM0, a /dev/serial/by-id name), tcp://HOST:PORT (ser2net raw) "
                    + "or rfc2217://HOST:PORT; instead of --board")
    String port;

    @Option(names = "--board", paramLabel = "NAME",
            description = "a board from the inventory (its console and line settings; leased while connected); "
                    + "default when --port is not given: $RIG_BOARD, else 'sim'")
    String board;

    @Option(names = "--lease-wait", paramLabel = "DURATION", defaultValue = "0", converter = DurationConverter.class,
            description = "with --board: wait this long for a board another job holds (default: fail at once)")
    Duration leaseWait;

    @Option(names = "--baud", paramLabel = "N", defaultValue = "115200", description = "baud rate (default: ${DEFAULT-VALUE})")
    int baud;

    @Option(names = "--framing", paramLabel = "8N1", defaultValue = "8N1",
            description = "data bits, parity, stop bits (default: ${DEFAULT-VALUE})")
    String framing;

    @Option(names = "--transcript", paramLabel = "FILE",
            description = "transcript file (FILE.txt and FILE.jsonl; default: a new file under the temp directory)")
    Path transcript;

    @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "0", converter = DurationConverter.class,
            description = "how long to wait for the port to appear (e.g. 10s; default: do not wait)")
    Duration wait;

    @Option(names = "--drain", paramLabel = "DURATION", defaultValue = "1s", converter = DurationConverter.class,
            description = "at the end of input, exit once the board was quiet this long (default: ${DEFAULT-VALUE})")
    Duration drain;

    @ParentCommand
    RigCli rig;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException, FormatException {
        if (port != null && board != null) {
            throw RigException.badInput("--port and --board exclude each other");
        }
        if (port != null) {
            LinkEndpoint endpoint;
            try {
                endpoint = LinkEndpoint.parse(port, SerialSettings.of(baud, framing));
            } catch (IllegalArgumentException e) {
                throw RigException.badInput(e.getMessage());
            }
            return connect(endpoint);
        }
        RigHome home = RigCli.of(spec).home();
        BoardOptions options = new BoardOptions();
        options.board = board;
        options.leaseWait = leaseWait;
        BoardSelection selection = BoardAccess.select(home, options);
        try (Lease lease = BoardAccess.lease(home, selection, options, "console", spec.commandLine().getErr())) {
            LinkEndpoint endpoint;
            try {
                endpoint = BoardSession.consoleOnly(selection.board());
            } catch (VirtualBoardUnavailableException e) {
                throw new RigException(ExitCode.INFRASTRUCTURE, selection.board().name() + ": " + e.getMessage());
            }
            return connect(endpoint);
        }
    }

    private int connect(LinkEndpoint endpoint) throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        Path stem = transcriptStem();
        Transcript log;
        try {
            log = Transcript.toFiles(stem);
        } catch (IOException e) {
            throw RigException.badInput("cannot write the transcript " + stem + ".txt: " + e.getMessage());
        }
        String where = log.textFile().orElseThrow() + " (JSON lines: " + log.jsonLinesFile().orElseThrow() + ")";
        try {
            Console console;
            try {
                console = Console.open(endpoint, wait, log);
            } catch (LinkUnavailableException e) {
                throw new RigException(ExitCode.INFRASTRUCTURE, e.getMessage());
            }
            boolean interactive = rig.interactive();
            if (interactive) {
                err.println("rig console: connected to " + console.describe() + "; Ctrl-] exits; transcript " + where);
            }
            ConsolePassThrough.End end;
            IOException failure;
            TerminalMode terminal = interactive ? TerminalMode.raw() : null;
            try (console) {
                ByteLink view = console.asByteLink(TranscriptEntry.Mode.TEXT);
                ConsolePassThrough pass = new ConsolePassThrough(console, view, rig.stdin(), rig.stdout());
                end = pass.run(drain);
                failure = pass.failure();
                view.close();
            } finally {
                if (terminal != null) {
                    terminal.close();
                }
            }
            if (end == ConsolePassThrough.End.LINK_LOST) {
                throw new RigException(ExitCode.INFRASTRUCTURE, "the port went away: " + failure.getMessage());
            }
            return ExitCode.OK;
        } finally {
            log.close();
            err.println("rig console: transcript " + where);
        }
    }

    private Path transcriptStem() {
        if (transcript != null) {
            String name = transcript.getFileName().toString();
            return name.endsWith(".txt") ? transcript.resolveSibling(name.substring(0, name.length() - 4)) : transcript;
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Path.of(System.getProperty("java.io.tmpdir"), "bootrig", "console-" + stamp + "-" + ProcessHandle.current().pid());
    }
}
