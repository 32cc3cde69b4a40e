package io.bootrig.board;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * A virtual board as a process:
 * {@code java -cp … io.bootrig.board.VirtualBoardMain --state DIR [--name sim-1] [--baud N|unpaced] [--console pty|tcp]}.
 *
 * <p>Once ready it prints one JSON line on stdout,
 * {@code {"name":"sim-1","debugPort":N,"console":"/dev/pts/7","controlPort":M,"pid":P,"state":"DIR"}},
 * and serves the control protocol ({@link ControlCommands}) on 127.0.0.1:M. It ends, closing the
 * console and the ports and saving the state, on {@code quit}, on end of stdin (so it does not
 * outlive a parent that holds its stdin; not with {@code --detached}) and on SIGTERM. Exit codes: 0 ended cleanly, 2 bad
 * usage, 3 the board could not start (e.g. the state directory is in use).
 */
public final class VirtualBoardMain {
    static final int EXIT_OK = 0;
    static final int EXIT_USAGE = 2;
    static final int EXIT_FAILURE = 3;

    private VirtualBoardMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    static int run(String[] args, InputStream stdin, PrintStream stdout, PrintStream stderr) {
        BoardProcessOptions options;
        try {
            options = BoardProcessOptions.parse(args);
        } catch (IllegalArgumentException e) {
            stderr.println(e.getMessage());
            return EXIT_USAGE;
        }
        VirtualBoard board;
        ControlServer control;
        CountDownLatch stop = new CountDownLatch(1);
        try {
            board = VirtualBoard.builder().stateDirectory(options.state()).name(options.name())
                    .lineSpeed(options.lineSpeed()).console(options.console()).xmodemTimeout(options.xmodemTimeout())
                    .deviceId(options.deviceId()).build();
        } catch (IOException | RuntimeException e) {
            stderr.println("virtual board " + options.name() + ": cannot start on " + options.state() + ": " + e.getMessage());
            return EXIT_FAILURE;
        }
        try {
            control = ControlServer.start(board, stop::countDown);
        } catch (IOException e) {
            board.close();
            stderr.println("virtual board " + options.name() + ": no control port: " + e.getMessage());
            return EXIT_FAILURE;
        }
        Shutdown shutdown = new Shutdown(control, board);
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown::run, "board-shutdown"));
        stdout.println(new JsonLine()
                .put("name", options.name())
                .put("debugPort", board.debugPort())
                .put("console", board.consoleAddress())
                .put("controlPort", control.port())
                .put("pid", ProcessHandle.current().pid())
                .put("state", options.state().toString()));
        stdout.flush();
        if (!options.detached()) {
            Thread stdinWatch = new Thread(() -> {
                drain(stdin);
                stop.countDown();
            }, "board-stdin");
            stdinWatch.setDaemon(true);
            stdinWatch.start();
        }
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        shutdown.run();
        return EXIT_OK;
    }

    private static void drain(InputStream stdin) {
        byte[] buffer = new byte[256];
        try {
            while (stdin.read(buffer) >= 0) {
                // the parent's input is not used; its end is the signal
            }
        } catch (IOException e) {
            // a closed stdin ends the board too
        }
    }

    /** Closes the control port, then the board (which saves its state); once, whoever calls first. */
    private static final class Shutdown {
        private final ControlServer control;
        private final VirtualBoard board;
        private boolean done;

        Shutdown(ControlServer control, VirtualBoard board) {
            this.control = control;
            this.board = board;
        }

        synchronized void run() {
            if (done) {
                return;
            }
            done = true;
            try {
                control.close();
            } finally {
                board.close();
            }
        }
    }
}
