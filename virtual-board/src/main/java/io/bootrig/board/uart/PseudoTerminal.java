package io.bootrig.board.uart;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A Linux pseudo-terminal made with posix_openpt/grantpt/unlockpt/ptsname_r. The board holds the
 * non-blocking master; the host opens the slave path (e.g. with jSerialComm, which also sets raw
 * mode). The line discipline is raw from the start, and the slave is opened and closed once at
 * creation, so that "no host has the slave open" is always visible as POLLHUP on the master (before
 * a first open the kernel would otherwise buffer output for whoever opens it later).
 */
final class PseudoTerminal implements AutoCloseable {
    static final int WOULD_BLOCK = 0;
    static final int HUNG_UP = -1;

    private final LibC libc = LibC.INSTANCE;
    private final int master;
    private final String slavePath;
    private boolean closed;

    private PseudoTerminal(int master, String slavePath) {
        this.master = master;
        this.slavePath = slavePath;
    }

    static PseudoTerminal open() throws IOException {
        LibC libc = LibC.INSTANCE;
        int master = libc.posix_openpt(LibC.O_RDWR | LibC.O_NOCTTY | LibC.O_NONBLOCK | LibC.O_CLOEXEC);
        if (master < 0) {
            throw failure("posix_openpt");
        }
        try {
            if (libc.grantpt(master) != 0) {
                throw failure("grantpt");
            }
            if (libc.unlockpt(master) != 0) {
                throw failure("unlockpt");
            }
            byte[] name = new byte[128];
            if (libc.ptsname_r(master, name, new NativeLong(name.length)) != 0) {
                throw failure("ptsname_r");
            }
            int end = 0;
            while (end < name.length && name[end] != 0) {
                end++;
            }
            String slave = new String(name, 0, end, StandardCharsets.US_ASCII);
            makeRaw(libc, master);
            int probe = libc.open(slave, LibC.O_RDWR | LibC.O_NOCTTY | LibC.O_CLOEXEC);
            if (probe < 0) {
                throw failure("open " + slave);
            }
            libc.close(probe);
            return new PseudoTerminal(master, slave);
        } catch (IOException | RuntimeException e) {
            libc.close(master);
            throw e;
        }
    }

    String slavePath() {
        return slavePath;
    }

    int masterFd() {
        return master;
    }

    /** Whether some process has the slave open (no POLLHUP on the master). */
    boolean slaveOpen() {
        return (poll(LibC.POLLOUT, 0) & LibC.POLLHUP) == 0;
    }

    /** Bytes the host wrote: a positive count, {@link #WOULD_BLOCK} or {@link #HUNG_UP} (EIO, no slave open). */
    int read(byte[] buffer) throws IOException {
        while (true) {
            long n = libc.read(master, buffer, new NativeLong(buffer.length)).longValue();
            if (n > 0) {
                return (int) n;
            }
            int errno = Native.getLastError();
            if (n == 0 || errno == LibC.EIO) {
                return HUNG_UP;
            }
            if (errno == LibC.EAGAIN) {
                return WOULD_BLOCK;
            }
            if (errno != LibC.EINTR) {
                throw new IOException("read from the pty master of " + slavePath + ": errno " + errno);
            }
        }
    }

    /** Writes what the master takes now: a positive count, {@link #WOULD_BLOCK} (buffer full) or {@link #HUNG_UP}. */
    int write(byte[] bytes, int offset, int length) {
        byte[] chunk = offset == 0 && length == bytes.length ? bytes : Arrays.copyOfRange(bytes, offset, offset + length);
        while (true) {
            long n = libc.write(master, chunk, new NativeLong(length)).longValue();
            if (n > 0) {
                return (int) n;
            }
            int errno = Native.getLastError();
            if (errno == LibC.EAGAIN) {
                return WOULD_BLOCK;
            }
            if (errno != LibC.EINTR) {
                return HUNG_UP;
            }
        }
    }

    /** Waits until the master takes more output, up to {@code timeoutMillis}. */
    boolean awaitWritable(int timeoutMillis) {
        int revents = poll(LibC.POLLOUT, timeoutMillis);
        return (revents & LibC.POLLOUT) != 0 && (revents & LibC.POLLHUP) == 0;
    }

    /** Drops output the host has not read (written in the instant before it closed the slave). */
    void discardPendingOutput() {
        libc.tcflush(master, LibC.TCOFLUSH);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            libc.close(master);
        }
    }

    private int poll(short events, int timeoutMillis) {
        try (Memory pollfd = new Memory(8)) {
            pollfd.setInt(0, master);
            pollfd.setShort(4, events);
            pollfd.setShort(6, (short) 0);
            int n = libc.poll(pollfd, new NativeLong(1), timeoutMillis);
            return n > 0 ? pollfd.getShort(6) : 0;
        }
    }

    private static void makeRaw(LibC libc, int fd) throws IOException {
        try (Memory termios = new Memory(LibC.TERMIOS_BUFFER)) {
            termios.clear();
            if (libc.tcgetattr(fd, termios) != 0) {
                throw failure("tcgetattr");
            }
            libc.cfmakeraw(termios);
            if (libc.tcsetattr(fd, LibC.TCSANOW, termios) != 0) {
                throw failure("tcsetattr");
            }
        }
    }

    private static IOException failure(String call) {
        return new IOException(call + " failed: errno " + Native.getLastError());
    }
}
