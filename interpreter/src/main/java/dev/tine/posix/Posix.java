package dev.tine.posix;

import java.util.TreeSet;
import java.util.function.IntConsumer;

import jnr.constants.platform.Errno;

/**
 * Every operating-system call Tine makes, in one place. Each method either succeeds or throws a
 * {@link PosixException} with the real errno. A context gets its backend when it is created
 * ({@link #forContext}): {@link NativePosix} (jnr-ffi) where processes and native access are
 * allowed, else {@link RefusingPosix}. Nothing here ever calls fork().
 */
public interface Posix {
    /** The backend of a context: native where it may create processes and use native access. */
    static Posix forContext(boolean processAllowed) {
        return processAllowed ? NativePosix.instance() : RefusingPosix.INSTANCE;
    }

    /** The errno values Tine names, from the host's table (jnr-constants). */
    int ENOENT = Errno.ENOENT.intValue();
    int EBADF = Errno.EBADF.intValue();
    int EINVAL = Errno.EINVAL.intValue();
    int EACCES = Errno.EACCES.intValue();
    int ENOEXEC = Errno.ENOEXEC.intValue();
    int ENOTDIR = Errno.ENOTDIR.intValue();
    int ENODEV = Errno.ENODEV.intValue();
    int ESTALE = Errno.ESTALE.intValue();
    int ETIMEDOUT = Errno.ETIMEDOUT.intValue();
    int EINTR = Errno.EINTR.intValue();
    int EAGAIN = Errno.EAGAIN.intValue();
    int ECHILD = Errno.ECHILD.intValue();
    int EPIPE = Errno.EPIPE.intValue();
    int EIO = Errno.EIO.intValue();
    int EMFILE = Errno.EMFILE.intValue();
    int ENOMEM = Errno.ENOMEM.intValue();
    int SIGKILL = jnr.constants.platform.Signal.SIGKILL.intValue();
    int SIGPIPE = jnr.constants.platform.Signal.SIGPIPE.intValue();
    int SIGXFSZ = jnr.constants.platform.Signal.SIGXFSZ.intValue();
    /** glibc's internal signals (for thread cancellation and set*id), below SIGRTMIN; jnr-constants has no names for them. */
    int LIBC_SIGNAL_FIRST = 32;
    int LIBC_SIGNAL_LAST = 33;
    /** Signals 1..64 (NSIG - 1 on Linux). */
    int MAX_SIGNAL = 64;

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

    int setsid() throws PosixException;

    void setpgid(int pid, int pgid) throws PosixException;

    void kill(int pid, int sig) throws PosixException;

    /**
     * waitpid(2), retried on EINTR. Returns {@code {pid, rawStatus}}, or null when
     * {@link #WNOHANG} is given and no child has changed state.
     */
    int[] waitpid(int pid, int options) throws PosixException;

    /**
     * Waits until the child has ended and tells how, without reaping it (waitid with WNOWAIT):
     * {@code {exited ? 1 : 0, exit code or signal}}; a later waitpid still gets its status.
     */
    int[] peekEnd(int pid) throws PosixException;

    /** pidfd_open(2) (close-on-exec); -1 when the kernel or libc lacks it or the pid is gone. */
    int pidfdOpen(int pid);

    /** posix_spawn / posix_spawnp; returns the child's pid. The child's exec failure is its errno. */
    int spawn(SpawnSpec spec) throws PosixException;

    /** execve(2); returns only by throwing. */
    void execve(String path, String[] argv, String[] env) throws PosixException;

    /** _exit(2): ends the process now, without any Java shutdown. */
    void exit(int status);

    // ---- file descriptors
    /** pipe(2): two fds, not close-on-exec (the script owns them). */
    int[] pipe() throws PosixException;

    /** pipe2(O_CLOEXEC): two fds for the runtime's own use. */
    int[] pipeCloexec() throws PosixException;

    /** memfd_create(name, MFD_CLOEXEC): a file in memory only, for the runtime's own use. */
    int memfd(String name) throws PosixException;

    /** socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC): two connected ends that keep message boundaries, for the runtime's own use. */
    int[] socketPair() throws PosixException;

    /** sendmsg(2): one message of data, passing the fds along with it (SCM_RIGHTS). */
    void sendWithFds(int socket, byte[] data, int[] fds) throws PosixException;

    /**
     * recvmsg(2): one message into buf, the fds it passed (close-on-exec) into fds. Returns
     * {bytes, fds}; 0 bytes when the other end has closed.
     */
    int[] receiveWithFds(int socket, byte[] buf, int[] fds) throws PosixException;

    /** lseek(fd, 0, SEEK_SET). */
    void rewind(int fd) throws PosixException;

    int open(String path, int flags, int mode) throws PosixException;

    /** read(2), retried on EINTR; 0 at end of file. */
    int read(int fd, byte[] buf, int len) throws PosixException;

    /** write(2), retried on EINTR; the number of bytes written. */
    int write(int fd, byte[] buf, int off, int len) throws PosixException;

    int dup(int fd) throws PosixException;

    int dup2(int oldFd, int newFd) throws PosixException;

    void close(int fd) throws PosixException;

    /** Closes every open fd from first to last (close_range(2); one close per fd where it is missing). */
    default void closeRange(int first, int last) {
        for (int fd = first; fd <= last; fd++) {
            closeQuietly(fd);
        }
    }

    /** close(2) of an fd the runtime is done with, if it is one (fd >= 0), whatever it answers. */
    default void closeQuietly(int fd) {
        if (fd >= 0) {
            try {
                close(fd);
            } catch (PosixException e) {
                // nothing more to release
            }
        }
    }

    /** fcntl F_GETFD / F_SETFD. */
    int getFdFlags(int fd) throws PosixException;

    void setFdFlags(int fd, int flags) throws PosixException;

    /** fcntl F_GETFL / F_SETFL. */
    int getStatusFlags(int fd) throws PosixException;

    void setStatusFlags(int fd, int flags) throws PosixException;

    /**
     * poll(2) over {@code fds} with {@code events}; fills {@code revents}. Returns the number of
     * ready fds, 0 on timeout, -1 when interrupted by a signal (EINTR).
     */
    int poll(int[] fds, short[] events, short[] revents, int timeoutMillis) throws PosixException;

    /** eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK). */
    int eventfd() throws PosixException;

    // ---- files and directories
    void chdir(String path) throws PosixException;

    String getcwd() throws PosixException;

    /** access(2) with X_OK, and the path is not a directory. */
    boolean isExecutableFile(String path);

    /** Whether the path exists (stat succeeds). */
    boolean exists(String path);

    // ---- signals
    /** SIG_DFL, SIG_IGN or SIG_HANDLER: the current disposition of a signal. */
    int signalDisposition(int sig) throws PosixException;

    /** sigaction(sig, {SIG_DFL or SIG_IGN, empty mask, no flags}); returns the old sigaction as bytes. */
    byte[] setSignalDisposition(int sig, int disposition) throws PosixException;

    /** Puts back a sigaction saved by {@link #setSignalDisposition}. */
    void restoreSignalAction(int sig, byte[] saved) throws PosixException;

    /** pthread_sigmask(SIG_SETMASK, empty) on the calling thread; returns the old mask as bytes. */
    byte[] unblockAllSignals() throws PosixException;

    /** pthread_sigmask(SIG_SETMASK, saved) on the calling thread. */
    void restoreSignalMask(byte[] saved) throws PosixException;

    /** Whether {@link #catchSignal} can work in this process (under the JVM's -Xrs, only when its signals were held). */
    boolean canCatchSignals();

    /**
     * Has the JVM catch the signal and call {@code onSignal} with its number, on the JVM's
     * signal thread; false when the JVM refuses it (SIGQUIT, SIGKILL, SIGSTOP, ...).
     */
    boolean catchSignal(int sig, IntConsumer onSignal);

    /** Forgets what {@link #catchSignal} set; the caller sets the native disposition. */
    void releaseSignal(int sig);

    /**
     * In a process started with its signals held (a fork child, with its handlers back): from now
     * on they are delivered, those that came meanwhile first. Elsewhere nothing to do.
     */
    void startSignalDelivery() throws PosixException;

    /** Whether this process was started with its signals held (HeldSignals): a fork child, or a script run by the tine command. */
    default boolean signalsHeld() {
        return false;
    }

    /**
     * Ends this process as the signal's default action does (killed by it, a core dump where the
     * signal makes one), from any thread: SIG_DFL, unblocked here, raised. Returns only if it is a
     * signal that does not end a process.
     */
    default void dieOf(int sig) throws PosixException {
        throw new PosixException(EINVAL, "cannot raise signal " + sig + " here");
    }


    /** The signals a fork child is started with blocked (its JVM suspends threads with signal 64), until {@link #startSignalDelivery}. */
    static int[] heldSignals() {
        return HeldSignals.held();
    }

    // ---- the process seen through /proc
    /** The fds open in this process right now. */
    TreeSet<Integer> openFds() throws PosixException;

    /**
     * The JVM's own handlers of these signals (its shutdown with status 128 + n on SIGTERM, SIGINT,
     * SIGHUP) give way to SIG_DFL, so the signals act on the process as on any other; a signal
     * that was ignored when the process started stays ignored (nohup, background jobs). Needs no
     * native binding.
     */
    static void dropJvmHandlers(String... names) {
        for (String name : names) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), sun.misc.SignalHandler.SIG_DFL);
            } catch (IllegalArgumentException e) {
                // -Xrs: the JVM never took it
            }
        }
    }

    /** The name of an errno value, "ENOENT". */
    static String errnoName(int errno) {
        Errno e = Errno.valueOf(errno);
        return e == null || !e.defined() || e.name().startsWith("__") ? "E" + errno : e.name();
    }

    static String strerror(int errno) {
        Errno e = Errno.valueOf(errno);
        String s = e == null || !e.defined() ? null : e.description();
        return s == null ? "error " + errno : s;
    }
}
