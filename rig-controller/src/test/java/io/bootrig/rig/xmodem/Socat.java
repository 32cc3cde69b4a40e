package io.bootrig.rig.xmodem;

import static org.awaitility.Awaitility.await;

import io.bootrig.rig.link.ByteLink;
import io.bootrig.rig.link.LinkUnavailableException;
import io.bootrig.rig.link.SerialEndpoint;
import io.bootrig.rig.link.SerialSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A socat process making pseudo-terminals for a test: either one pty whose other side is a program (socat's EXEC
 * address, behind a socketpair, so the program's tcflush calls cannot drop bytes), or two ptys wired together. Its
 * output is read continuously; closing it ends socat and everything it started.
 */
public final class Socat implements AutoCloseable {
    private static final Duration START = Duration.ofSeconds(10);

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;
    private final List<Path> ptys;

    private Socat(List<String> command, Path dir, List<Path> ptys) throws IOException {
        ExternalTools.requireSocatAndLrzsz();
        this.ptys = ptys;
        this.process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        this.reader = new Thread(() -> copy(process.getInputStream()), "socat-output");
        reader.setDaemon(true);
        reader.start();
        try {
            await().atMost(START).pollInterval(Duration.ofMillis(10))
                    .until(() -> ptys.stream().allMatch(Files::exists) || !process.isAlive());
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
        if (!ptys.stream().allMatch(Files::exists)) {
            close();
            throw new IllegalStateException("socat made no pty: " + command + ": " + output);
        }
    }

    /**
     * A pty at {@code dir/ttyX} whose other side is {@code program} (a command line, words separated by spaces, run
     * in {@code dir}).
     */
    public static Socat exec(Path dir, String program) throws IOException {
        Path pty = dir.resolve("ttyX");
        return new Socat(List.of("socat", "-d", "pty,rawer,link=" + pty, "EXEC:" + program), dir, List.of(pty));
    }

    /** Two ptys, {@code dir/ttyA} and {@code dir/ttyB}, connected to each other. */
    public static Socat pair(Path dir) throws IOException {
        Path a = dir.resolve("ttyA");
        Path b = dir.resolve("ttyB");
        return new Socat(List.of("socat", "-d", "pty,rawer,link=" + a, "pty,rawer,link=" + b), dir, List.of(a, b));
    }

    /** The (first) pty. */
    public Path pty() {
        return ptys.get(0);
    }

    public Path otherPty() {
        return ptys.get(1);
    }

    /** Opens the (first) pty as a serial link at 115200 8N1, as the rig opens a board's port. */
    public ByteLink openPty() throws LinkUnavailableException {
        return new SerialEndpoint(pty().toString(), SerialSettings.DEFAULT).open();
    }

    /** Opens the second pty of a {@link #pair}. */
    public ByteLink openOtherPty() throws LinkUnavailableException {
        return new SerialEndpoint(otherPty().toString(), SerialSettings.DEFAULT).open();
    }

    /** Waits for socat (and so the program behind it) to end; returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("socat did not end within " + timeout + "; output: " + output);
        }
        reader.join(timeout.toMillis());
        return process.exitValue();
    }

    /** socat's and the program's output so far (stdout and stderr). */
    public String output() {
        return output.toString();
    }

    /** Kills socat and whatever it started, and waits for them. */
    @Override
    public void close() {
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            for (ProcessHandle p : tree) {
                p.onExit().get(10, TimeUnit.SECONDS);
            }
            // a killed socat leaves its links behind
            for (Path pty : ptys) {
                Files.deleteIfExists(pty);
            }
        } catch (Exception e) {
            throw new IllegalStateException("socat or its program did not end", e);
        }
    }

    private void copy(InputStream in) {
        byte[] buf = new byte[4096];
        try (in) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                output.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            output.append("[output lost: ").append(e.getMessage()).append(']');
        }
    }
}
