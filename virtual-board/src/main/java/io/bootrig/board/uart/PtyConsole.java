package io.bootrig.board.uart;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console as a pseudo-terminal: the rig opens {@link #address()} (/dev/pts/N) as it would the
 * ST-LINK's /dev/ttyACM0. The reader thread sleeps in epoll until the host writes; when the host
 * closes the slave it sees one hang-up, discards output queued in that instant, and sleeps until
 * the host reopens it and writes. Output while no host has the slave open is dropped, as the
 * ST-LINK's virtual COM port drops it; so is output the host leaves unread for longer than a
 * short stall once the pty's buffer is full.
 */
public final class PtyConsole implements ConsoleEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(PtyConsole.class);
    private static final int READ_CHUNK = 256;
    private static final int WRITE_STALL_MILLIS = 200;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final PseudoTerminal pty;
    private final EdgeWaiter waiter;
    private final Object writeLock = new Object();
    private final AtomicLong wakeups = new AtomicLong();
    private final AtomicLong hangups = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile Thread reader;
    private volatile boolean closed;

    private PtyConsole(PseudoTerminal pty, EdgeWaiter waiter) {
        this.pty = pty;
        this.waiter = waiter;
    }

    public static PtyConsole open() throws IOException {
        PseudoTerminal pty = PseudoTerminal.open();
        try {
            return new PtyConsole(pty, new EdgeWaiter(pty.masterFd()));
        } catch (IOException | RuntimeException e) {
            pty.close();
            throw e;
        }
    }

    @Override
    public String address() {
        return pty.slavePath();
    }

    @Override
    public boolean connected() {
        return !closed && pty.slaveOpen();
    }

    @Override
    public void write(byte[] bytes, int length) {
        synchronized (writeLock) {
            int offset = 0;
            while (offset < length && !closed) {
                if (!pty.slaveOpen()) {
                    break;
                }
                int n = pty.write(bytes, offset, length - offset);
                if (n > 0) {
                    offset += n;
                } else if (n != PseudoTerminal.WOULD_BLOCK || !pty.awaitWritable(WRITE_STALL_MILLIS)) {
                    break;
                }
            }
            dropped.addAndGet(length - offset);
        }
    }

    @Override
    public void start(HostBytes sink) {
        Thread thread = new Thread(() -> readLoop(sink), "pty-console " + pty.slavePath());
        thread.setDaemon(true);
        reader = thread;
        thread.start();
    }

    /** The thread that waits for host input (for tests that check it sleeps). */
    public Thread readerThread() {
        return reader;
    }

    /** How often the reader thread woke up. */
    public long wakeups() {
        return wakeups.get();
    }

    /** How often the host closed the slave. */
    public long hangups() {
        return hangups.get();
    }

    /** Output bytes dropped because no host had the console open or read it. */
    public long droppedBytes() {
        return dropped.get();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        waiter.wake();
        Thread thread = reader;
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(CLOSE_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        waiter.close();
        synchronized (writeLock) {
            pty.close();
        }
    }

    private void readLoop(HostBytes sink) {
        byte[] buffer = new byte[READ_CHUNK];
        try {
            while (!closed) {
                waiter.await();
                wakeups.incrementAndGet();
                drain(sink, buffer);
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                LOG.error("console {} stopped reading", pty.slavePath(), e);
            }
        }
    }

    /** Reads until the master is empty (edge-triggered: the next edge comes only after that). */
    private void drain(HostBytes sink, byte[] buffer) throws IOException {
        while (!closed) {
            int n = pty.read(buffer);
            if (n > 0) {
                sink.received(buffer, n);
            } else {
                if (n == PseudoTerminal.HUNG_UP) {
                    hangups.incrementAndGet();
                    synchronized (writeLock) {
                        pty.discardPendingOutput();
                    }
                }
                return;
            }
        }
    }
}
