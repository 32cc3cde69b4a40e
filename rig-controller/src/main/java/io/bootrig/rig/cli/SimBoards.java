package io.bootrig.rig.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bootrig.wolfboot.AtomicFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Virtual boards started by `rig sim`: each has a directory holding its flash state (flash/), the
 * board process's log, and process.json (name, ports, console, pid) while it runs.
 */
final class SimBoards {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a running board process reported. */
    record Running(String name, int debugPort, String console, int controlPort, long pid, Path dir) {}

    private SimBoards() {}

    static String checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw RigException.badInput("--name: '" + name + "' must be letters, digits, '.', '_' or '-'");
        }
        return name;
    }

    /** The board's directory: --state, else $XDG_STATE_HOME/bootrig/sim/NAME (~/.local/state/...). */
    static Path directory(String name, Path state) {
        if (state != null) {
            return state.toAbsolutePath();
        }
        String xdg = System.getenv("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("bootrig").resolve("sim").resolve(name);
    }

    static Path processFile(Path dir) {
        return dir.resolve("process.json");
    }

    /** The board running from {@code dir}, if its process is alive (a stale record is removed). */
    static Optional<Running> running(Path dir) {
        Path f = processFile(dir);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        try {
            Running r = parse(Files.readString(f), dir);
            if (ProcessHandle.of(r.pid()).map(ProcessHandle::isAlive).orElse(false)) {
                return Optional.of(r);
            }
            Files.deleteIfExists(f);
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            throw new RigException(ExitCode.INFRASTRUCTURE, f + ": unreadable board record (" + e.getMessage()
                    + "); remove it if no board runs from " + dir);
        }
    }

    static void record(Path dir, String readyLine) throws IOException {
        AtomicFiles.write(processFile(dir), (readyLine.strip() + "\n").getBytes(StandardCharsets.UTF_8), false);
    }

    static Running parse(String readyLine, Path dir) throws IOException {
        JsonNode j = JSON.readTree(readyLine);
        return new Running(j.get("name").asText(), j.get("debugPort").asInt(), j.get("console").asText(),
                j.get("controlPort").asInt(), j.get("pid").asLong(), dir);
    }

    /** One command on the board's control port; returns its one-line JSON reply. */
    static String control(Running board, String command) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", board.controlPort()), 5000);
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write((command + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String reply = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
            if (reply == null) {
                throw new IOException("the board closed its control port without answering '" + command + "'");
            }
            return reply;
        }
    }

    static String describe(Running r) {
        return String.format("%s: running (pid %d)%n  OpenOCD:  -c \"set VIRTUAL_BOARD_PORT %d\" -f interface/virtual-board.cfg "
                + "-f target/stm32h5.cfg%n  console:  %s%n  control:  127.0.0.1:%d%n  state:    %s", r.name(), r.pid(),
                r.debugPort(), r.console(), r.controlPort(), r.dir());
    }
}
