package io.bootrig.wolfboot.crypto;

import io.bootrig.wolfboot.AtomicFiles;
import io.bootrig.wolfboot.FormatException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A stateful LMS key kept in its wolfBoot key file. Each signature reserves the next index by
 * writing the advanced state (temporary file, fsync, atomic rename) before signing, under an
 * exclusive lock on {@code KEY.lock}; so an index is never handed out twice, even across processes
 * or when a process dies between reserving and returning the signature (that index is then lost).
 * File locks belong to the whole JVM, so threads of one process also queue on an in-process lock.
 */
public final class LmsSigningKey implements SigningKey {
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    /** Where a crash between the steps of one signature can happen; tests stop the process there. */
    public interface Checkpoint {
        void reached(String step);
    }

    private final Path file;
    private final Checkpoint checkpoint;
    private final LmsParameters params;
    private final byte[] publicKey;

    private LmsSigningKey(Path file, LmsPrivateKey key, Checkpoint checkpoint) {
        this.file = file;
        this.checkpoint = checkpoint;
        this.params = key.parameters();
        this.publicKey = key.publicKey();
    }

    public static LmsSigningKey open(Path file) throws IOException, FormatException {
        return open(file, step -> { });
    }

    public static LmsSigningKey open(Path file, Checkpoint checkpoint) throws IOException, FormatException {
        LmsPrivateKey key = LmsPrivateKey.parse(file.toString(), Files.readAllBytes(file));
        return new LmsSigningKey(file, key, checkpoint);
    }

    public LmsParameters parameters() {
        return params;
    }

    /** The state as stored now: signatures used and left. */
    public LmsPrivateKey currentState() throws IOException, FormatException {
        return LmsPrivateKey.parse(file.toString(), Files.readAllBytes(file));
    }

    @Override
    public AuthType authType() {
        return AuthType.LMS;
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public int signatureSize() {
        return params.signatureSize();
    }

    @Override
    public byte[] sign(byte[] digest) throws IOException, KeyExhaustedException {
        Path lockFile = file.toAbsolutePath().normalize().resolveSibling(file.getFileName() + ".lock");
        ReentrantLock local = IN_PROCESS.computeIfAbsent(lockFile, p -> new ReentrantLock());
        local.lock();
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = ch.lock()) {
            LmsPrivateKey key;
            try {
                key = currentState();
            } catch (FormatException e) {
                throw new IOException(e.getMessage(), e);
            }
            if (key.remaining() <= 0) {
                throw new KeyExhaustedException(file + ": LMS key " + params.label() + " is exhausted (all "
                        + params.capacity() + " signatures used)");
            }
            checkpoint.reached("before-persist");
            AtomicFiles.write(file, key.withQ(key.q() + 1).encode(), true);
            checkpoint.reached("after-persist");
            byte[] sig = key.signAt(key.q(), digest);
            checkpoint.reached("signed");
            return sig;
        } finally {
            local.unlock();
        }
    }

    @Override
    public String describe() {
        return "LMS/HSS " + params.label() + " (stateful, " + file.getFileName() + ")";
    }

    @Override
    public String toString() {
        return "LmsSigningKey[" + params.label() + ", " + file.getFileName() + "]";
    }
}
