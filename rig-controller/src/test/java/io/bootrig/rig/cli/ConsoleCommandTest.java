package io.bootrig.rig.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bootrig.rig.console.TestAppPeer;
import io.bootrig.rig.link.SerialEndpoint;
import io.bootrig.rig.link.SerialSettings;
import io.bootrig.rig.link.SocatPtyPair;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleCommandTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private SocatPtyPair pty;
    private Path transcript;

    @BeforeEach
    void startPty() {
        pty = SocatPtyPair.start(dir);
        transcript = dir.resolve("session.txt");
    }

    @AfterEach
    void stopPty() {
        pty.close();
    }

    /** Runs rig console in the background with {@code stdin}. */
    private CompletableFuture<Rig> console(InputStream stdin, String... extra) {
        String[] args = new String[4 + extra.length];
        args[0] = "console";
        args[1] = "--port=" + pty.a();
        args[2] = "--transcript=" + transcript;
        args[3] = "--drain=300ms";
        System.arraycopy(extra, 0, args, 4, extra.length);
        return CompletableFuture.supplyAsync(() -> {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = RigCli.run(args, stdin, new PrintWriter(out, true), new PrintWriter(err, true));
            return new Rig(code, out.toString(), err.toString());
        });
    }

    private void awaitConnected() {
        await("rig console connected").atMost(WAIT).until(() -> Files.exists(transcript)
                && Files.readString(transcript).contains("byte view opened"));
    }

    private TestAppPeer bootBoard() throws IOException {
        return TestAppPeer.boot(new SerialEndpoint(pty.b().toString(), SerialSettings.DEFAULT).open());
    }

    @Test
    void pipedInputRunsCommandsAndTheTranscriptKeepsBothDirections() throws Exception {
        PipedOutputStream keyboard = new PipedOutputStream();
        CompletableFuture<Rig> run = console(new PipedInputStream(keyboard));
        awaitConnected();
        TestAppPeer board = bootBoard();
        try {
            keyboard.write("info\nhelp\r\n".getBytes(StandardCharsets.US_ASCII));
            keyboard.close();
            Rig r = run.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("STM32H5 wolfBoot demo Application", "cmd> info\r\n\r\nSystem information",
                    "cmd> help\r\nhelp : shows this help message");
            assertThat(r.err()).contains("rig console: transcript " + transcript + " (JSON lines: "
                    + dir.resolve("session.jsonl") + ")");
        } finally {
            board.close();
        }
        assertThat(Files.readString(transcript)).contains("System information\\r\\n", "---- console closed");
        ObjectMapper json = new ObjectMapper();
        StringBuilder sent = new StringBuilder();
        for (String line : Files.readAllLines(dir.resolve("session.jsonl"))) {
            JsonNode entry = json.readTree(line);
            if (entry.get("dir").asText().equals("out")) {
                sent.append(entry.get("text").asText());
            }
        }
        assertThat(sent).hasToString("info\rhelp\r");
    }

    @Test
    void ctrlRightBracketEndsTheSessionWithoutEndOfInput() throws Exception {
        PipedOutputStream keyboard = new PipedOutputStream();
        CompletableFuture<Rig> run = console(new PipedInputStream(keyboard));
        awaitConnected();
        TestAppPeer board = bootBoard();
        try {
            keyboard.write("success\r".getBytes(StandardCharsets.US_ASCII));
            await().atMost(WAIT).until(() -> Files.readString(transcript).contains("update success confirmed."));
            keyboard.write(0x1D);
            Rig r = run.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("update success confirmed.");
        } finally {
            board.close();
            keyboard.close();
        }
    }

    @Test
    void aMissingPortIsAnInfrastructureFailure() throws Exception {
        Rig r = Rig.run("console", "--port", dir.resolve("absent").toString(), "--transcript", transcript.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.INFRASTRUCTURE);
        assertThat(r.err()).contains("no such device", "rig console: transcript " + transcript);
    }

    @Test
    void aPortThatVanishesMidSessionIsAnInfrastructureFailure() throws Exception {
        PipedOutputStream keyboard = new PipedOutputStream();
        CompletableFuture<Rig> run = console(new PipedInputStream(keyboard));
        awaitConnected();
        pty.kill();
        Rig r = run.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        keyboard.close();
        assertThat(r.exit()).isEqualTo(ExitCode.INFRASTRUCTURE);
        assertThat(r.err()).contains("rig: the port went away: " + pty.a());
        assertThat(Files.readString(transcript)).contains("---- link lost: ");
    }

    @Test
    void emptyInputEndsOnceTheBoardIsQuiet() throws Exception {
        Rig r = console(new ByteArrayInputStream(new byte[0])).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(r.exit()).as(r.err()).isZero();
    }

    @Test
    void badUsageIsExit2() {
        assertThat(Rig.run("console", "--port", "tcp://nohost").exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(Rig.run("console", "--port", "/dev/null", "--framing", "9Q1").exit()).isEqualTo(ExitCode.BAD_INPUT);
        Rig r = Rig.run("console", "--port", "/dev/null", "--wait", "soon");
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("'soon' is not a duration");
        Rig unwritable = Rig.run("console", "--port", "/dev/null", "--transcript", "/proc/no/such/dir/t.txt");
        assertThat(unwritable.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(unwritable.err()).contains("cannot write the transcript /proc/no/such/dir/t.txt");
    }
}
