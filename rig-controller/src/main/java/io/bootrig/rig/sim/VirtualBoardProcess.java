package io.bootrig.rig.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bootrig.wolfboot.AtomicFiles;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A virtual board running as its own process (io.bootrig.board.VirtualBoardMain), so it outlives one rig command,
 * as a real board does. Its directory holds the flash state (flash/), the process's log (board.log) and, while it
 * runs, process.json: the one JSON line the board printed when ready (name, ports, console, pid).
 */
public final class VirtualBoardProcess {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    /** What a running board process reported. */
    public record Running(String name, int debugPort, String console, int controlPort, long pid, Path dir) {}

    private VirtualBoardProcess() {}

    public static boolean validName(String name) {
        return NAME.matcher(name).matches();
    }

    public static Path processFile(Path dir) {
        return dir.resolve("process.json");
    }

    /** The board running from {@code dir}, if its process is alive (a stale record is removed). */
    public static Optional<Running> running(Path dir) throws VirtualBoardUnavailableException {
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
            throw new VirtualBoardUnavailableException(f + ": unreadable board record (" + e.getMessage()
                    + "); remove it if no board runs from " + dir);
        }
    }

    /** The board running from {@code dir}, started first if it is not running. */
    public static Running ensureRunning(String name, Path dir, List<String> boardOptions)
            throws VirtualBoardUnavailableException {
        Optional<Running> r = running(dir);
        return r.isPresent() ? r.get() : start(name, dir, boardOptions);
    }

    /**
     * Starts a board from {@code dir} in the background, from this JVM's class path, and waits for its ready line.
     *
     * @param boardOptions more VirtualBoardMain options, e.g. {@code --baud unpaced} or {@code --device-id 0x450}
     */
    public static Running start(String name, Path dir, List<String> boardOptions) throws VirtualBoardUnavailableException {
        if (!validName(name)) {
            throw new VirtualBoardUnavailableException("'" + name + "' is not a board name: letters, digits, '.', '_' or '-'");
        }
        Path log = dir.resolve("board.log");
        Process p;
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(log);
            String javaExe = ProcessHandle.current().info().command()
                    .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            List<String> cmd = new ArrayList<>(List.of(javaExe, "-cp", System.getProperty("java.class.path"),
                    "io.bootrig.board.VirtualBoardMain", "--state", dir.resolve("flash").toString(), "--name", name,
                    "--detached"));
            cmd.addAll(boardOptions);
            p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(new File("/dev/null")).start();
        } catch (IOException e) {
            throw new VirtualBoardUnavailableException("cannot start virtual board " + name + " in " + dir + ": "
                    + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try {
            while (true) {
                String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
                Optional<String> ready = text.lines().filter(l -> l.startsWith("{")).findFirst();
                if (ready.isPresent()) {
                    AtomicFiles.write(processFile(dir), (ready.get().strip() + "\n").getBytes(StandardCharsets.UTF_8), false);
                    return parse(ready.get(), dir);
                }
                if (!p.isAlive()) {
                    throw new VirtualBoardUnavailableException("virtual board " + name + " did not start (exit "
                            + p.exitValue() + "): " + text.strip());
                }
                if (System.nanoTime() > deadline) {
                    p.destroyForcibly();
                    throw new VirtualBoardUnavailableException("virtual board " + name + " did not report ready within "
                            + START_TIMEOUT.toSeconds() + " s; see " + log);
                }
                p.waitFor(50, TimeUnit.MILLISECONDS);
            }
        } catch (IOException e) {
            p.destroyForcibly();
            throw new VirtualBoardUnavailableException("virtual board " + name + ": cannot read " + log + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new VirtualBoardUnavailableException("interrupted while virtual board " + name + " was starting");
        }
    }

    /** Asks the board to quit, then makes sure its process is gone; the flash state stays. */
    public static void stop(Running r) throws IOException {
        Optional<ProcessHandle> h = ProcessHandle.of(r.pid());
        if (h.isPresent()) {
            try {
                control(r, "quit");
            } catch (IOException e) {
                h.get().destroy();
            }
            if (!waitForExit(h.get(), Duration.ofSeconds(10))) {
                h.get().destroy();
                if (!waitForExit(h.get(), Duration.ofSeconds(5))) {
                    h.get().destroyForcibly();
                    waitForExit(h.get(), Duration.ofSeconds(5));
                }
            }
        }
        Files.deleteIfExists(processFile(r.dir()));
    }

    /** One command on the board's control port; returns its one-line JSON reply. */
    public static String control(Running board, String command) throws IOException {
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

    public static String describe(Running r) {
        return String.format("%s: running (pid %d)%n  OpenOCD:  -c \"set VIRTUAL_BOARD_PORT %d\" -f interface/virtual-board.cfg "
                + "-f target/stm32h5.cfg%n  console:  %s%n  control:  127.0.0.1:%d%n  state:    %s", r.name(), r.pid(),
                r.debugPort(), r.console(), r.controlPort(), r.dir());
    }

    static Running parse(String readyLine, Path dir) throws IOException {
        JsonNode j = JSON.readTree(readyLine);
        return new Running(j.get("name").asText(), j.get("debugPort").asInt(), j.get("console").asText(),
                j.get("controlPort").asInt(), j.get("pid").asLong(), dir);
    }

    private static boolean waitForExit(ProcessHandle h, Duration max) {
        try {
            h.onExit().get(max.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception notYet) {
            return !h.isAlive();
        }
    }
}
