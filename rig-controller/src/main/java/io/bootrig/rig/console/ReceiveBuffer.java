package io.bootrig.rig.console;

import io.bootrig.rig.link.LinkLostException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes the reader thread received and nobody consumed yet. A consumer either matches a pattern against them (consuming
 * up to the end of the match) or takes raw bytes; both wait on a condition the reader signals. When the link is lost
 * the failure is kept and handed to every waiting consumer once the bytes before it are used up.
 */
final class ReceiveBuffer {
    static final int RECENT_CHARS = 200;
    private static final int MAX_PENDING = 1 << 20;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private byte[] data = new byte[4096];
    private int length;
    private final byte[] recent = new byte[RECENT_CHARS];
    private int recentLength;
    private long lastArrival = System.nanoTime();
    private IOException failure;

    void append(byte[] bytes, int count) {
        lock.lock();
        try {
            if (length + count > MAX_PENDING) {
                int drop = length + count - MAX_PENDING; // nobody consumes: keep the newest, the transcript has all
                System.arraycopy(data, drop, data, 0, length - drop);
                length -= drop;
            }
            if (length + count > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, length + count));
            }
            System.arraycopy(bytes, 0, data, length, count);
            length += count;
            remember(bytes, count);
            lastArrival = System.nanoTime();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void remember(byte[] bytes, int count) {
        int keep = Math.min(count, RECENT_CHARS);
        int shift = Math.min(recentLength, RECENT_CHARS - keep);
        System.arraycopy(recent, recentLength - shift, recent, 0, shift);
        System.arraycopy(bytes, count - keep, recent, shift, keep);
        recentLength = shift + keep;
    }

    void fail(IOException cause) {
        lock.lock();
        try {
            failure = cause;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A lost link stays a {@link LinkLostException}; the console being closed is a plain IOException. */
    private IOException failed(String context) {
        return failure instanceof LinkLostException ? new LinkLostException(failure.getMessage() + context, failure)
                : new IOException(failure.getMessage() + context, failure);
    }

    /** After a reconnect: the link works again. Unconsumed bytes stay. */
    void clearFailure() {
        lock.lock();
        try {
            failure = null;
        } finally {
            lock.unlock();
        }
    }

    /** Waits for {@code pattern} to match the unconsumed text; consumes through the end of the match. */
    ConsoleMatch awaitMatch(Pattern pattern, Duration timeout, String where) throws IOException, ExpectTimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                String text = new String(data, 0, length, StandardCharsets.ISO_8859_1);
                Matcher m = pattern.matcher(text);
                if (m.find()) {
                    consume(m.end());
                    return new ConsoleMatch(text.substring(0, m.start()), m.toMatchResult());
                }
                if (failure != null) {
                    throw failed(" (while waiting for " + Escapes.pattern(pattern) + ")");
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    String last = recentText();
                    throw new ExpectTimeoutException("timed out after " + timeout.toMillis() + " ms waiting for "
                            + Escapes.pattern(pattern) + " on " + where + "; last " + RECENT_CHARS
                            + " chars received: \"" + last + "\"", last);
                }
                changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for " + Escapes.pattern(pattern) + " on " + where);
        } finally {
            lock.unlock();
        }
    }

    /** Takes up to {@code max} raw bytes, waiting at most {@code timeout} for the first; 0 on timeout. */
    int take(byte[] into, int offset, int max, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (length == 0) {
                if (failure != null) {
                    throw failed("");
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return 0;
                }
                changed.awaitNanos(left);
            }
            int n = Math.min(max, length);
            System.arraycopy(data, 0, into, offset, n);
            consume(n);
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading the console");
        } finally {
            lock.unlock();
        }
    }

    /** Waits until nothing has arrived for {@code quiet}, at most {@code max}; true when it went quiet. */
    boolean awaitQuiet(Duration quiet, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        lock.lock();
        try {
            while (true) {
                long now = System.nanoTime();
                long quietLeft = lastArrival + quiet.toNanos() - now;
                if (quietLeft <= 0 || failure != null) {
                    return true;
                }
                if (deadline - now <= 0) {
                    return false;
                }
                changed.await(Math.min(quietLeft, deadline - now), TimeUnit.NANOSECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The last {@value #RECENT_CHARS} chars received (consumed or not), escaped. */
    String recentText() {
        lock.lock();
        try {
            return Escapes.text(recent, 0, recentLength);
        } finally {
            lock.unlock();
        }
    }

    /** Drops every byte received and not consumed yet; returns how many. */
    int discard() {
        lock.lock();
        try {
            int n = length;
            length = 0;
            return n;
        } finally {
            lock.unlock();
        }
    }

    private void consume(int n) {
        System.arraycopy(data, n, data, 0, length - n);
        length -= n;
    }
}
