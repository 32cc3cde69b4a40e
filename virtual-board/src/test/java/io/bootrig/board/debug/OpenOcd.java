package io.bootrig.board.debug;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The real OpenOCD, started on the virtual board's cfg files: argument list, no shell; its output
 * is read continuously; {@link #close()} kills it and its children.
 */
final class OpenOcd implements AutoCloseable {
    static final String INSTALL_HINT = "install it: apt-get install -y openocd";
    static final Path DEBIAN_OPENOCD = Path.of("/usr/bin/openocd");

    private final Process process;
    private final int tclPort;
    private final Thread outputReader;
    private final List<String> output = new CopyOnWriteArrayList<>();

    private OpenOcd(Process process, int tclPort) {
        this.process = process;
        this.tclPort = tclPort;
        this.outputReader = new Thread(this::readOutput, "openocd-output-" + process.pid());
        outputReader.setDaemon(true);
        outputReader.start();
    }

    /**
     * OpenOCD on the remote_bitbang port of a debug port, with its TCL-RPC server on a free port.
     *
     * @param configCommands more configuration commands, run after the cfg files
     */
    static OpenOcd start(int bitbangPort, String... configCommands) {
        int tclPort = FreePort.find();
        Path configs = ProjectFiles.openOcdConfigs();
        List<String> command = new ArrayList<>(List.of(
                executable().toString(),
                "-c", "set VIRTUAL_BOARD_PORT " + bitbangPort,
                "-f", configs.resolve("interface/virtual-board.cfg").toString(),
                "-f", configs.resolve("target/stm32h5.cfg").toString(),
                "-c", "bindto 127.0.0.1",
                "-c", "gdb_port disabled",
                "-c", "telnet_port disabled",
                "-c", "tcl_port " + tclPort));
        for (String configCommand : configCommands) {
            command.add("-c");
            command.add(configCommand);
        }
        try {
            return new OpenOcd(new ProcessBuilder(command).redirectErrorStream(true).start(), tclPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path executable() {
        return locate(DEBIAN_OPENOCD, System.getenv("PATH"));
    }

    /** {@code preferred} if executable, else the first openocd on {@code searchPath}; fails the test otherwise. */
    static Path locate(Path preferred, String searchPath) {
        if (Files.isExecutable(preferred)) {
            return preferred;
        }
        for (String directory : (searchPath == null ? "" : searchPath).split(File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, "openocd"))) {
                return Path.of(directory, "openocd");
            }
        }
        return fail("openocd not found at " + preferred + " nor on PATH: " + INSTALL_HINT);
    }

    int tclPort() {
        return tclPort;
    }

    List<String> output() {
        return List.copyOf(output);
    }

    static List<String> errorLines(List<String> lines) {
        return lines.stream().filter(line -> line.startsWith("Error")).toList();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code once OpenOCD has ended, or null if it is still running after {@code timeout}. */
    Integer waitForExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
        family.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        for (ProcessHandle child : family) {
            child.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> child).join();
        }
        outputReader.join(TimeUnit.SECONDS.toMillis(30));
    }

    private void readOutput() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.add(line);
            }
        } catch (IOException e) {
            output.add("[output reader: " + e + "]");
        }
    }
}
