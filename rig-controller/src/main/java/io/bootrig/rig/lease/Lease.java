package io.bootrig.rig.lease;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The right to use one board until {@link #close()}: a lease file kept alive by a heartbeat thread, or (when Jenkins
 * handed the board over) Jenkins' own lock, with no file.
 */
public final class Lease implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Lease.class);
    private static final Set<Lease> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(Lease::close), "bootrig-lease-release"));
    }

    private final String board;
    private final String owner;
    private final Optional<LeaseState.Stale> reaped;
    private final LeaseFiles files;
    private final Clock clock;
    private final ScheduledExecutorService heartbeat;
    private volatile LeaseRecord record;
    private volatile boolean lost;
    private volatile boolean closed;

    private Lease(String board, String owner, Optional<LeaseState.Stale> reaped, LeaseRecord record, LeaseFiles files,
            Clock clock, LeaseTiming timing) {
        this.board = board;
        this.owner = owner;
        this.reaped = reaped;
        this.record = record;
        this.files = files;
        this.clock = clock;
        if (record == null) {
            this.heartbeat = null;
            return;
        }
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lease-heartbeat-" + board);
            t.setDaemon(true);
            return t;
        });
        long every = timing.heartbeatInterval().toMillis();
        heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
        OPEN.add(this);
    }

    static Lease held(LeaseRecord record, LeaseFiles files, Clock clock, LeaseTiming timing,
            Optional<LeaseState.Stale> reaped) {
        return new Lease(record.board(), record.owner(), reaped, record, files, clock, timing);
    }

    static Lease jenkins(String board, String build, Optional<LeaseState.Stale> reaped) {
        return new Lease(board, "jenkins lock (" + build + ")", reaped, null, null, null, null);
    }

    public String board() {
        return board;
    }

    /** user@host, or "jenkins lock (BUILD_TAG)" when Jenkins handed the board over. */
    public String owner() {
        return owner;
    }

    public boolean handedOverByJenkins() {
        return record == null;
    }

    /** The lease file's content as last written (empty for a Jenkins hand-over). */
    public Optional<LeaseRecord> record() {
        return Optional.ofNullable(record);
    }

    /** The abandoned lease removed to take this one, so the caller can say whose it was. */
    public Optional<LeaseState.Stale> reaped() {
        return reaped;
    }

    /**
     * True once someone else took the board from us (our heartbeat came too late and the lease was reaped as stale) or
     * the lease file vanished: whatever runs on the board must stop. Checks the file now.
     */
    public boolean lost() {
        if (lost || record == null || closed) {
            return lost;
        }
        try {
            if (!ours(files.read(board))) {
                lost = true;
            }
        } catch (IOException | LeaseException e) {
            lost = true;
        }
        return lost;
    }

    /** Stops the heartbeat and removes the lease file if it is still ours. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        OPEN.remove(this);
        if (record == null) {
            return;
        }
        heartbeat.shutdown();
        try {
            // a heartbeat in progress finishes; interrupting it would close its file channel under it
            heartbeat.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            files.underGuard(board, () -> {
                if (ours(files.read(board))) {
                    files.delete(board);
                }
                return null;
            });
        } catch (IOException | LeaseException e) {
            LOG.warn("could not release the lease on board {} ({}): {}", board, files.leaseFile(board), e.getMessage());
        }
    }

    private void beat() {
        try {
            files.underGuard(board, () -> {
                if (closed) {
                    return null;
                }
                if (!ours(files.read(board))) {
                    lost = true;
                    LOG.warn("lost the lease on board {}: {} no longer holds our token (reaped as stale?)", board,
                            files.leaseFile(board));
                    heartbeat.shutdown();
                    return null;
                }
                LeaseRecord renewed = record.withHeartbeat(clock.instant());
                files.write(renewed);
                record = renewed;
                return null;
            });
        } catch (IOException | LeaseException e) {
            LOG.warn("heartbeat of the lease on board {} failed: {}", board, e.toString());
        }
    }

    private boolean ours(Optional<LeaseRecord> onDisk) {
        return onDisk.map(r -> r.token().equals(record.token())).orElse(false);
    }
}
