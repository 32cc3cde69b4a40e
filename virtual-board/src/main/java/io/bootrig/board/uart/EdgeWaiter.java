package io.bootrig.board.uart;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import java.io.IOException;

/**
 * Sleeps until a file descriptor changes: epoll in edge-triggered mode on it, plus an eventfd to
 * wake the sleeper for shutdown. Edge-triggered matters for a pty master: while no slave is open
 * POLLHUP stays set, and a level-triggered poll would return at once, forever; with edges the
 * hang-up is reported once and the thread then sleeps until the host opens the slave and writes.
 */
final class EdgeWaiter implements AutoCloseable {
    /** struct epoll_event is packed on x86-64 (12 bytes), naturally aligned elsewhere (16). */
    private static final int EVENT_SIZE = Platform.isIntel() && Platform.is64Bit() ? 12 : 16;
    private static final int DATA_OFFSET = EVENT_SIZE - 8;
    private static final int MAX_EVENTS = 2;

    private final LibC libc = LibC.INSTANCE;
    private final int epoll;
    private final int wakeup;
    private final Memory events = new Memory((long) EVENT_SIZE * MAX_EVENTS);
    private boolean closed;

    EdgeWaiter(int watched) throws IOException {
        epoll = libc.epoll_create1(LibC.EPOLL_CLOEXEC);
        if (epoll < 0) {
            throw new IOException("epoll_create1 failed: errno " + Native.getLastError());
        }
        wakeup = libc.eventfd(0, LibC.EFD_NONBLOCK | LibC.EFD_CLOEXEC);
        if (wakeup < 0) {
            libc.close(epoll);
            throw new IOException("eventfd failed: errno " + Native.getLastError());
        }
        try {
            add(watched, LibC.EPOLLIN | LibC.EPOLLET);
            add(wakeup, LibC.EPOLLIN);
        } catch (IOException e) {
            libc.close(wakeup);
            libc.close(epoll);
            throw e;
        }
    }

    /** Blocks until the watched descriptor reports a new edge, or {@link #wake()} is called. */
    void await() {
        while (libc.epoll_wait(epoll, events, MAX_EVENTS, -1) < 0) {
            if (Native.getLastError() != LibC.EINTR) {
                return;
            }
        }
    }

    /** Makes {@link #await()} return now and every time after. */
    void wake() {
        byte[] one = {1, 0, 0, 0, 0, 0, 0, 0};
        libc.write(wakeup, one, new NativeLong(one.length));
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            libc.close(wakeup);
            libc.close(epoll);
        }
    }

    private void add(int fd, int flags) throws IOException {
        try (Memory event = new Memory(EVENT_SIZE)) {
            event.clear();
            event.setInt(0, flags);
            event.setLong(DATA_OFFSET, fd);
            if (libc.epoll_ctl(epoll, LibC.EPOLL_CTL_ADD, fd, event) != 0) {
                throw new IOException("epoll_ctl failed: errno " + Native.getLastError());
            }
        }
    }
}
