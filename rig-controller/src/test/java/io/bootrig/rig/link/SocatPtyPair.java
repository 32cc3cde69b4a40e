package io.bootrig.rig.link;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Two connected pseudo-terminals made by socat, reachable through stable links {@code a} and {@code b}: one end is the
 * rig's "device", the other plays the board. {@link #kill()} makes the device vanish (reads then fail with EIO);
 * {@link #restart()} brings it back under the same names.
 */
public final class SocatPtyPair implements AutoCloseable {
    private final Path socat;
    private final Path a;
    private final Path b;
    private ExternalProcess process;

    private SocatPtyPair(Path socat, Path a, Path b) {
        this.socat = socat;
        this.a = a;
        this.b = b;
    }

    public static SocatPtyPair start(Path dir) {
        Path socat = ExternalProcess.require("socat", "socat");
        SocatPtyPair pair = new SocatPtyPair(socat, dir.resolve("ttyRig"), dir.resolve("ttyBoard"));
        pair.restart();
        return pair;
    }

    /** The rig's end. */
    public Path a() {
        return a;
    }

    /** The board's end. */
    public Path b() {
        return b;
    }

    /** Starts socat (again) and waits until both links exist. */
    public void restart() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("socat is still running");
        }
        process = ExternalProcess.start("socat", List.of(socat.toString(), "-d", "-d",
                "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b));
        await("socat's links " + a + " and " + b).atMost(Duration.ofSeconds(10))
                .until(() -> (Files.exists(a) && Files.exists(b)) || !process.isAlive());
        if (!process.isAlive()) {
            throw new IllegalStateException("socat exited: " + process.output());
        }
    }

    /** Kills socat: the ptys vanish and socat removes its links. */
    public void kill() {
        process.close();
        await("socat's links removed").atMost(Duration.ofSeconds(10))
                .until(() -> !Files.exists(a, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        && !Files.exists(b, java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }
}
