package io.bootrig.rig.lease;

import io.bootrig.rig.RigHome;
import io.bootrig.rig.inventory.BoardSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job per board, across processes and users of this host: a lease file per board in
 * {@link RigHome#leaseDirectory()}, checked and taken under an OS file lock. A lease whose process died (same host) or
 * whose heartbeat stopped is stale and is reaped by the next taker.
 */
public final class Leases {
    private static final Logger LOG = LoggerFactory.getLogger(Leases.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RigHome home;
    private final LeaseFiles files;
    private final LeaseTiming timing;
    private final Clock clock;

    public Leases(RigHome home) {
        this(home, LeaseTiming.DEFAULT);
    }

    public Leases(RigHome home, LeaseTiming timing) {
        this.home = home;
        this.files = new LeaseFiles(home.leaseDirectory());
        this.timing = timing;
        this.clock = Clock.systemUTC();
    }

    public Path directory() {
        return files.directory();
    }

    /** {@link #acquire(BoardSpec, boolean, Duration, String)} recording this JVM's command line. */
    public Lease acquire(BoardSpec board, boolean handedOverByJenkins, Duration wait) {
        String cmd = System.getProperty("sun.java.command");
        return acquire(board, handedOverByJenkins, wait, cmd == null || cmd.isBlank() ? "java" : cmd);
    }

    /**
     * Takes the board, waiting up to {@code wait} (zero: fail at once) while someone else holds it live.
     * When Jenkins handed the board over, no lease file is taken, but a live rig lease by anyone is refused at once:
     * someone uses the board outside Jenkins.
     *
     * @param command what will run on the board, shown to whoever finds it busy
     * @throws LeaseException the board is held by someone else, or the lease directory cannot be used
     */
    public Lease acquire(BoardSpec board, boolean handedOverByJenkins, Duration wait, String command) {
        String name = board.name();
        Instant deadline = clock.instant().plus(wait);
        while (true) {
            Attempt a = guarded(name, () -> handedOverByJenkins ? handOver(name) : take(name, command));
            if (a.lease != null) {
                return a.lease;
            }
            if (handedOverByJenkins) {
                throw new LeaseException("board " + name + " was handed over by Jenkins (" + jenkinsBuild()
                        + "), but a rig lease outside Jenkins holds it: " + a.holder.describe() + "; lease file "
                        + files.leaseFile(name), a.holder);
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new LeaseException("board " + name + " is in use by " + a.holder.describe() + ", last heartbeat "
                        + a.holder.heartbeat() + (wait.isZero() ? "" : "; waited " + wait.toSeconds() + " s")
                        + "; lease file " + files.leaseFile(name), a.holder);
            }
            pause(name, left.compareTo(POLL) < 0 ? left : POLL);
        }
    }

    /** Free, held (by a live process) or stale; reads the lease file without changing anything. */
    public LeaseState status(String board) {
        try {
            return files.read(board).map(this::classify).orElse(new LeaseState.Free());
        } catch (IOException e) {
            throw new LeaseException("cannot read " + files.leaseFile(board) + ": " + e.getMessage(), e);
        }
    }

    private record Attempt(Lease lease, LeaseRecord holder) {}

    private Attempt take(String board, String command) throws IOException {
        Optional<LeaseState.Stale> reaped = Optional.empty();
        Optional<LeaseRecord> existing = files.read(board);
        if (existing.isPresent()) {
            LeaseState s = classify(existing.get());
            if (s instanceof LeaseState.Held h) {
                return new Attempt(null, h.lease());
            }
            reaped = Optional.of(reap((LeaseState.Stale) s));
        }
        Instant now = clock.instant();
        String host = LocalHost.name();
        LeaseRecord mine = new LeaseRecord(board, System.getProperty("user.name") + "@" + host,
                ProcessHandle.current().pid(), host, HexFormat.of().formatHex(randomBytes()), now, now, command);
        files.write(mine);
        return new Attempt(Lease.held(mine, files, clock, timing, reaped), null);
    }

    private Attempt handOver(String board) throws IOException {
        Optional<LeaseState.Stale> reaped = Optional.empty();
        Optional<LeaseRecord> existing = files.read(board);
        if (existing.isPresent()) {
            LeaseState s = classify(existing.get());
            if (s instanceof LeaseState.Held h) {
                return new Attempt(null, h.lease());
            }
            reaped = Optional.of(reap((LeaseState.Stale) s));
            files.delete(board);
        }
        return new Attempt(Lease.jenkins(board, jenkinsBuild(), reaped), null);
    }

    private LeaseState.Stale reap(LeaseState.Stale stale) {
        LOG.info("board {}: reaped a {}", stale.lease().board(), stale.describe());
        return stale;
    }

    private LeaseState classify(LeaseRecord r) {
        if (r.host().equals(LocalHost.name()) && !ProcessHandle.of(r.pid()).map(ProcessHandle::isAlive).orElse(false)) {
            return new LeaseState.Stale(r, "process " + r.pid() + " on " + r.host() + " is gone");
        }
        Duration silent = Duration.between(r.heartbeat(), clock.instant());
        if (silent.compareTo(timing.staleAfter()) > 0) {
            return new LeaseState.Stale(r, "no heartbeat for " + silent.toSeconds() + " s (stale after "
                    + timing.staleAfter().toSeconds() + " s)");
        }
        return new LeaseState.Held(r);
    }

    private String jenkinsBuild() {
        return home.variable("BUILD_TAG").or(() -> home.variable("JENKINS_URL")).orElse("no BUILD_TAG");
    }

    private Attempt guarded(String board, LeaseFiles.Critical<Attempt> critical) {
        try {
            return files.underGuard(board, critical);
        } catch (IOException e) {
            throw new LeaseException("cannot use the lease directory " + files.directory() + " for board " + board + ": "
                    + e + "; every rig user needs to write there (RIG_LEASE_DIR overrides it)", e);
        }
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return b;
    }

    private static void pause(String board, Duration d) {
        try {
            Thread.sleep(Math.max(1, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LeaseException("interrupted while waiting for board " + board, e);
        }
    }
}
