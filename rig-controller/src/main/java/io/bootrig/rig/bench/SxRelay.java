package io.bootrig.rig.bench;

import io.bootrig.rig.link.ByteLink;
import io.bootrig.rig.link.LinkEndpoint;
import io.bootrig.rig.link.LinkOpener;
import io.bootrig.rig.link.SerialSettings;
import io.bootrig.rig.openocd.ProcessTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * lrzsz's sx sending a file to the board: sx runs behind socat's EXEC address (a socketpair, so its tcflush calls
 * lose nothing), socat's pty is bridged to the board's console by two pump threads here, which time the transfer the
 * same way the rig's sender is timed: from the receiver's first request to its last answer (the ACK of EOT).
 */
final class SxRelay {
    private SxRelay() {}

    /** @return receiver's first byte to its last byte */
    static Duration send(ByteLink board, Path dir, String file, Duration limit) throws Exception {
        Path pty = dir.resolve("ttySX");
        Files.deleteIfExists(pty);
        Process socat = new ProcessBuilder(List.of("socat", "-d", "pty,rawer,link=" + pty, "EXEC:sx -q -b " + file))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile()).start();
        AtomicLong first = new AtomicLong();
        AtomicLong last = new AtomicLong();
        try (ByteLink sx = LinkOpener.openWithin(LinkEndpoint.parse(pty.toString(), SerialSettings.DEFAULT),
                Duration.ofSeconds(10))) {
            Thread up = pump(sx, board, null, null, socat);
            Thread down = pump(board, sx, first, last, socat);
            if (!socat.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("sx did not finish within " + limit.toSeconds() + " s; see "
                        + dir.resolve("socat.log"));
            }
            up.join(2000);
            down.join(2000);
        } finally {
            ProcessTree.kill(socat, Duration.ofSeconds(5));
        }
        // socat's exit code is no verdict: it exits 1 when the application prints after sx has left; the caller checks
        // what the board received
        if (first.get() == 0) {
            throw new IllegalStateException("the board never answered sx; see " + dir.resolve("socat.log"));
        }
        return Duration.ofNanos(last.get() - first.get());
    }

    private static Thread pump(ByteLink from, ByteLink to, AtomicLong first, AtomicLong last, Process socat) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[4096];
            try {
                while (socat.isAlive()) {
                    int n = from.read(buf, 0, buf.length, Duration.ofMillis(50));
                    if (n > 0) {
                        long now = System.nanoTime();
                        if (first != null) {
                            first.compareAndSet(0, now);
                            last.set(now);
                        }
                        to.write(buf, 0, n);
                    }
                }
            } catch (IOException stopped) {
                // socat closed its pty when sx ended
            }
        }, "sx-relay");
        t.setDaemon(true);
        t.start();
        return t;
    }

}
