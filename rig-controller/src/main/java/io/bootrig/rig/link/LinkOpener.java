package io.bootrig.rig.link;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Opens a link, waiting a bounded time for its device or server to (re)appear: after a USB re-enumeration, a socat
 * restart or a ser2net restart. For a serial device it retries whenever the device's directory changes (inotify
 * through a WatchService), and at least every {@value #RETRY_PACE_MS} ms; a TCP server gives no event to wait on, so
 * it is retried at that pace.
 */
public final class LinkOpener {
    private static final long RETRY_PACE_MS = 200;

    private LinkOpener() {}

    /** Opens {@code endpoint}, trying until it succeeds or {@code maxWait} has passed. */
    public static ByteLink openWithin(LinkEndpoint endpoint, Duration maxWait) throws LinkUnavailableException {
        long start = System.nanoTime();
        long deadline = start + maxWait.toNanos();
        try (DirectoryChanges changes = DirectoryChanges.forEndpoint(endpoint)) {
            while (true) {
                LinkUnavailableException last;
                try {
                    return endpoint.open();
                } catch (LinkUnavailableException e) {
                    last = e;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new LinkUnavailableException(last.getMessage() + " (waited "
                            + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms for it)", last);
                }
                changes.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(RETRY_PACE_MS)));
            }
        }
    }

    /** Wakes up when the directory that holds a serial device changes; for other endpoints, waits the pace. */
    private static final class DirectoryChanges implements AutoCloseable {
        private final WatchService watch;
        private final Path device;
        private Path watched;
        private WatchKey key;

        private DirectoryChanges(WatchService watch, Path device) {
            this.watch = watch;
            this.device = device;
        }

        static DirectoryChanges forEndpoint(LinkEndpoint endpoint) {
            if (endpoint instanceof SerialEndpoint serial) {
                try {
                    DirectoryChanges changes = new DirectoryChanges(FileSystems.getDefault().newWatchService(),
                            serial.path().toAbsolutePath());
                    changes.register();
                    return changes;
                } catch (IOException e) {
                    return new DirectoryChanges(null, null);
                }
            }
            return new DirectoryChanges(null, null);
        }

        /** Watches the device's nearest existing ancestor directory (the device's own directory may be gone too). */
        private void register() {
            Path dir = device.getParent();
            while (dir != null && !Files.isDirectory(dir)) {
                dir = dir.getParent();
            }
            if (dir == null || dir.equals(watched)) {
                return;
            }
            if (key != null) {
                key.cancel();
            }
            try {
                key = dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
                watched = dir;
            } catch (IOException e) {
                key = null;
                watched = null;
            }
        }

        void await(long nanos) {
            if (watch == null) {
                LockSupport.parkNanos(nanos);
                return;
            }
            try {
                WatchKey signalled = watch.poll(nanos, TimeUnit.NANOSECONDS);
                if (signalled != null) {
                    signalled.pollEvents();
                    signalled.reset();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ClosedWatchServiceException e) {
                LockSupport.parkNanos(nanos);
            }
            register();
        }

        @Override
        public void close() {
            if (watch != null) {
                try {
                    watch.close();
                } catch (IOException ignored) {
                    // the watch holds no state worth reporting
                }
            }
        }
    }
}
