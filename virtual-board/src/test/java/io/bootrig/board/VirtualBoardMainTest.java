package io.bootrig.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** VirtualBoardMain as a child process: the JSON line, the control port, the ways it ends. */
class VirtualBoardMainTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    private final List<Process> started = new ArrayList<>();
    private final List<String> stdout = new CopyOnWriteArrayList<>();
    private final List<String> stderr = new CopyOnWriteArrayList<>();

    @AfterEach
    void noLeftovers() throws Exception {
        for (Process process : started) {
            List<ProcessHandle> family = process.descendants().toList();
            process.destroyForcibly();
            family.forEach(ProcessHandle::destroyForcibly);
            assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void reportsItselfServesTheControlPortAndQuitsCleanly() throws Exception {
        Path state = tmp.resolve("sim-1");
        Process process = start("--state", state.toString(), "--name", "sim-1", "--baud", "unpaced");
        JsonNode ready = readyLine(process);

        assertThat(ready.get("name").asText()).isEqualTo("sim-1");
        assertThat(ready.get("pid").asLong()).isEqualTo(process.pid());
        assertThat(ready.get("debugPort").asInt()).isPositive();
        assertThat(ready.get("console").asText()).startsWith("/dev/pts/");
        assertThat(Path.of(ready.get("console").asText())).exists();
        assertThat(ready.get("state").asText()).isEqualTo(state.toAbsolutePath().toString());
        try (ControlClient control = ControlClient.connect(ready.get("controlPort").asInt())) {
            assertThat(control.call("status").get("power").asText()).isEqualTo("on");
            assertThat(control.call("power cycle").get("power").asText()).isEqualTo("on");
            assertThat(control.call("fault power-cut-after-trigger").get("faults").get(0).get("state").asText())
                    .isEqualTo("armed");
            assertThat(control.call("quit").get("quitting").asBoolean()).isTrue();
        }

        assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as(String.join("\n", stderr)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(process.descendants()).isEmpty();
        assertThat(Path.of(ready.get("console").asText())).as("the pty is gone").doesNotExist();
        try (VirtualBoard again = VirtualBoard.builder().stateDirectory(state).console(ConsoleKind.NONE).build()) {
            assertThat(again.soc().storageDirectory()).contains(state);
        }
    }

    @Test
    void endsWhenItsStdinCloses() throws Exception {
        Process process = start("--state", tmp.resolve("stdin").toString(), "--console", "tcp");
        JsonNode ready = readyLine(process);
        assertThat(ready.get("console").asText()).startsWith("tcp://127.0.0.1:");

        process.getOutputStream().close();

        assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
    }

    @Test
    void sigtermClosesTheBoardAndReleasesItsState() throws Exception {
        Path state = tmp.resolve("term");
        Process process = start("--state", state.toString());
        readyLine(process);

        process.destroy();

        assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        try (VirtualBoard again = VirtualBoard.builder().stateDirectory(state).console(ConsoleKind.NONE).build()) {
            assertThat(again.powered()).isTrue();
        }
    }

    @Test
    void badUsageExitsWith2AndABusyStateDirectoryWith3() throws Exception {
        Process noState = start("--name", "x");
        assertThat(noState.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(noState.exitValue()).isEqualTo(2);
        await().atMost(WAIT).until(() -> stderr.stream().anyMatch(line -> line.contains("--state DIR is required")));

        Path state = tmp.resolve("busy");
        try (VirtualBoard holder = VirtualBoard.builder().stateDirectory(state).console(ConsoleKind.NONE).build()) {
            Process second = start("--state", state.toString());
            assertThat(second.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).isEqualTo(3);
            assertThat(holder.powered()).isTrue();
        }
    }

    private Process start(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), VirtualBoardMain.class.getName()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).start();
        started.add(process);
        collect(process.getInputStream(), stdout, "board-stdout-" + process.pid());
        collect(process.getErrorStream(), stderr, "board-stderr-" + process.pid());
        return process;
    }

    private static void collect(InputStream stream, List<String> lines, String name) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("[" + name + ": " + e + "]");
            }
        }, name);
        reader.setDaemon(true);
        reader.start();
    }

    /** The one line the board prints once ready. */
    private JsonNode readyLine(Process process) throws Exception {
        await().atMost(WAIT).until(() -> !stdout.isEmpty() || !process.isAlive());
        assertThat(stdout).as("the ready line; stderr: " + String.join("\n", stderr)).hasSize(1);
        return ControlClient.parse(stdout.get(0));
    }
}
