package io.bootrig.rig.link;

import static org.assertj.core.api.Assertions.fail;

import io.bootrig.rig.openocd.ProcessTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A tool the tests start (socat, ser2net): argument list, output read continuously, the whole tree destroyed. */
public final class ExternalProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Thread drain;

    private ExternalProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        this.drain = new Thread(this::drain, name + "-output");
        drain.setDaemon(true);
        drain.start();
    }

    /** Fails the test with an install hint when {@code tool} is not installed. */
    public static Path require(String tool, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        for (String dir : List.of("/usr/sbin", "/sbin", "/usr/bin")) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return fail(tool + " is not installed; this test needs it. install it: apt-get install -y " + debianPackage);
    }

    public static ExternalProcess start(String name, List<String> command) {
        try {
            Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
            return new ExternalProcess(name, p);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command + ": " + e.getMessage(), e);
        }
    }

    private void drain() {
        byte[] buf = new byte[4096];
        try (InputStream in = process.getInputStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                output.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException ignored) {
            // the process is gone
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String output() {
        return output.toString();
    }

    /** Destroys the process and its descendants: SIGTERM, then SIGKILL for whatever is still alive after 5 s. */
    @Override
    public void close() {
        ProcessTree.kill(process, Duration.ofSeconds(5));
        try {
            process.waitFor(5, TimeUnit.SECONDS);
            drain.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
