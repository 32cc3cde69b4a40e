package io.bootrig.rig.lease;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The lease directory: {@code NAME.lease} (JSON, replaced atomically) and {@code NAME.guard} (locked while a process
 * checks and changes the lease). Files are readable and writable by every user, and the directory is not sticky,
 * so another user can replace a stale lease by rename.
 */
final class LeaseFiles {
    private static final Set<PosixFilePermission> SHARED_FILE = PosixFilePermissions.fromString("rw-rw-rw-");
    private static final Set<PosixFilePermission> SHARED_DIR = PosixFilePermissions.fromString("rwxrwxrwx");
    // FileChannel.lock is per process: threads of one JVM are kept apart here first
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    interface Critical<T> {
        T run() throws IOException;
    }

    private final Path dir;

    LeaseFiles(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    Path directory() {
        return dir;
    }

    Path leaseFile(String board) {
        return dir.resolve(board + ".lease");
    }

    /** Runs {@code critical} holding the board's guard lock, against other threads and other processes. */
    <T> T underGuard(String board, Critical<T> critical) throws IOException {
        ensureDirectory();
        Path guard = dir.resolve(board + ".guard");
        ReentrantLock local = IN_PROCESS.computeIfAbsent(guard, g -> new ReentrantLock());
        local.lock();
        try {
            createShared(guard);
            try (FileChannel ch = FileChannel.open(guard, StandardOpenOption.WRITE);
                    FileLock ignored = ch.lock()) {
                return critical.run();
            }
        } finally {
            local.unlock();
        }
    }

    /** The board's lease, if a file exists; a file that is not a lease is reported naming it. */
    Optional<LeaseRecord> read(String board) throws IOException {
        Path f = leaseFile(board);
        String text;
        try {
            text = Files.readString(f, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(LeaseRecord.fromJson(text));
        } catch (IllegalArgumentException e) {
            throw new LeaseException(f + ": not a lease file (" + e.getMessage() + "); remove it if no job uses board "
                    + board, e);
        }
    }

    /** Replaces the board's lease file atomically (temporary file, then rename). */
    void write(LeaseRecord lease) throws IOException {
        ensureDirectory();
        Path target = leaseFile(lease.board());
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            share(tmp, SHARED_FILE);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(StandardCharsets.UTF_8.encode(lease.toJson()));
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    void delete(String board) throws IOException {
        Files.deleteIfExists(leaseFile(board));
    }

    private void ensureDirectory() throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir);
        share(dir, SHARED_DIR);
    }

    private static void createShared(Path file) throws IOException {
        try {
            Files.createFile(file);
            share(file, SHARED_FILE);
        } catch (FileAlreadyExistsException exists) {
            // made by an earlier lease
        }
    }

    /** Sets permissions beyond the umask where this user may; elsewhere the owner's choice stands. */
    private static void share(Path p, Set<PosixFilePermission> permissions) {
        try {
            Files.setPosixFilePermissions(p, permissions);
        } catch (IOException | UnsupportedOperationException notOurs) {
            // not the owner, or not a POSIX file system
        }
    }
}
