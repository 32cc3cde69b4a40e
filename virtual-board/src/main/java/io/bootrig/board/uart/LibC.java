package io.bootrig.board.uart;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/** The few Linux libc calls the pseudo-terminal needs (Linux x86-64/aarch64 constants). */
interface LibC extends Library {
    LibC INSTANCE = Native.load("c", LibC.class);

    int O_RDWR = 2;
    int O_NOCTTY = 0x100;
    int O_NONBLOCK = 0x800;
    int O_CLOEXEC = 0x80000;
    int EAGAIN = 11;
    int EINTR = 4;
    int EIO = 5;
    short POLLOUT = 0x4;
    short POLLHUP = 0x10;
    int EPOLLIN = 0x1;
    int EPOLLET = 1 << 31;
    int EPOLL_CTL_ADD = 1;
    int EPOLL_CLOEXEC = O_CLOEXEC;
    int EFD_NONBLOCK = O_NONBLOCK;
    int EFD_CLOEXEC = O_CLOEXEC;
    int TCOFLUSH = 1;
    int TCSANOW = 0;
    /** sizeof(struct termios) is 60 on glibc; room to spare. */
    int TERMIOS_BUFFER = 256;

    int posix_openpt(int flags);

    int grantpt(int fd);

    int unlockpt(int fd);

    int ptsname_r(int fd, byte[] buffer, NativeLong length);

    int open(String path, int flags);

    int close(int fd);

    NativeLong read(int fd, byte[] buffer, NativeLong count);

    NativeLong write(int fd, byte[] buffer, NativeLong count);

    int poll(Pointer fds, NativeLong count, int timeoutMillis);

    int epoll_create1(int flags);

    int epoll_ctl(int epfd, int op, int fd, Pointer event);

    int epoll_wait(int epfd, Pointer events, int maxEvents, int timeoutMillis);

    int eventfd(int initialValue, int flags);

    int tcgetattr(int fd, Pointer termios);

    int tcsetattr(int fd, int when, Pointer termios);

    void cfmakeraw(Pointer termios);

    int tcflush(int fd, int queue);
}
