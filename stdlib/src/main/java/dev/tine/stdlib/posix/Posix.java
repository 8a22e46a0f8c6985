package dev.tine.stdlib.posix;

/**
 * Every operating-system call Tine makes, in one place. Each method either succeeds or throws a
 * {@link PosixException} with the real errno. The one backend is {@link NativePosix} (JNR-POSIX,
 * and jnr-ffi for what it lacks); a context without process rights never reaches it, because
 * process built-ins are refused before they run. Nothing here ever calls fork().
 */
public interface Posix {
    /** The native backend, loaded on first use. */
    static Posix get() {
        return NativePosix.instance();
    }

    int O_RDONLY = 0;
    int O_WRONLY = 1;
    int O_RDWR = 2;
    int O_CREAT = 0100;
    int O_TRUNC = 01000;
    int O_APPEND = 02000;
    int O_NONBLOCK = 04000;
    int O_CLOEXEC = 02000000;
    int FD_CLOEXEC = 1;
    int WNOHANG = 1;
    short POLLIN = 0x1;
    short POLLOUT = 0x4;
    short POLLERR = 0x8;
    short POLLHUP = 0x10;
    short POLLNVAL = 0x20;
    int SIG_DFL = 0;
    int SIG_IGN = 1;
    /** A disposition that is neither SIG_DFL nor SIG_IGN: some handler is installed. */
    int SIG_HANDLER = 2;

    // ---- processes
    int getpid();

    int getppid();

    int getpgrp();

    int setsid();

    void setpgid(int pid, int pgid);

    void kill(int pid, int sig);

    /**
     * waitpid(2), retried on EINTR. Returns {@code {pid, rawStatus}}, or null when
     * {@link #WNOHANG} is given and no child has changed state.
     */
    int[] waitpid(int pid, int options);

    /** pidfd_open(2) (close-on-exec); -1 when the kernel or libc lacks it or the pid is gone. */
    int pidfdOpen(int pid);

    /** posix_spawn / posix_spawnp; returns the child's pid. The child's exec failure is its errno. */
    int spawn(SpawnSpec spec);

    /** execve(2); returns only by throwing. */
    void execve(String path, String[] argv, String[] env);

    /** _exit(2): ends the process now, without any Java shutdown. */
    void exit(int status);

    // ---- file descriptors
    /** pipe(2): two fds, not close-on-exec (the script owns them). */
    int[] pipe();

    /** pipe2(O_CLOEXEC): two fds for the runtime's own use. */
    int[] pipeCloexec();

    int open(String path, int flags, int mode);

    /** read(2), retried on EINTR; 0 at end of file. */
    int read(int fd, byte[] buf, int len);

    /** write(2), retried on EINTR; the number of bytes written. */
    int write(int fd, byte[] buf, int off, int len);

    int dup(int fd);

    int dup2(int oldFd, int newFd);

    void close(int fd);

    /** fcntl F_GETFD / F_SETFD. */
    int getFdFlags(int fd);

    void setFdFlags(int fd, int flags);

    /** fcntl F_GETFL / F_SETFL. */
    int getStatusFlags(int fd);

    void setStatusFlags(int fd, int flags);

    /**
     * poll(2) over {@code fds} with {@code events}; fills {@code revents}. Returns the number of
     * ready fds, 0 on timeout, -1 when interrupted by a signal (EINTR).
     */
    int poll(int[] fds, short[] events, short[] revents, int timeoutMillis);

    /** eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK). */
    int eventfd();

    // ---- files and directories
    void chdir(String path);

    String getcwd();

    /** access(2) with X_OK, and the path is not a directory. */
    boolean isExecutableFile(String path);

    /** Whether the path exists (stat succeeds). */
    boolean exists(String path);

    // ---- signals
    /** SIG_DFL, SIG_IGN or SIG_HANDLER: the current disposition of a signal. */
    int signalDisposition(int sig);

    /** sigaction(sig, {SIG_DFL or SIG_IGN, empty mask, no flags}); returns the old sigaction as bytes. */
    byte[] setSignalDisposition(int sig, int disposition);

    /** Puts back a sigaction saved by {@link #setSignalDisposition}. */
    void restoreSignalAction(int sig, byte[] saved);

    /** pthread_sigmask(SIG_SETMASK, empty) on the calling thread; returns the old mask as bytes. */
    byte[] unblockAllSignals();

    /** pthread_sigmask(SIG_SETMASK, saved) on the calling thread. */
    void restoreSignalMask(byte[] saved);

    /** The name of an errno value, "ENOENT". */
    String errnoName(int errno);

    String strerror(int errno);
}
