package dev.tine.posix;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.IntConsumer;

import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.byref.IntByReference;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;

/**
 * The native {@link Posix}: one jnr-ffi binding of the libc functions Tine calls (jnr-ffi, jffi and
 * jnr-constants come with JNR-POSIX). JNR-POSIX's own POSIX object is not used: binding its ~170
 * functions costs a process 130-250 ms more at first use, measured, for nothing Tine needs, and
 * it lacks posix_spawn attributes, rt_sigaction, pthread_sigmask, poll, pipe2, eventfd, pidfd_open.
 */
final class NativePosix implements Posix {
    /** Under -Xrs the JVM has no signal dispatcher: sun.misc.Signal takes a handler but never calls it. */
    static final boolean REDUCED_SIGNALS = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-Xrs");

    private static volatile NativePosix instance;

    static NativePosix instance() {
        NativePosix p = instance;
        if (p == null) {
            synchronized (NativePosix.class) {
                p = instance;
                if (p == null) {
                    p = new NativePosix();
                    instance = p;
                }
            }
        }
        return p;
    }

    /** The libc functions Tine calls. */
    public interface LibC {
        int getpid();

        int getppid();

        int getpgrp();

        int setsid();

        int setpgid(int pid, int pgid);

        int kill(int pid, int sig);

        int waitpid(int pid, @Out int[] status, int options);

        int pipe(@Out int[] fds);

        int open(CharSequence path, int flags, int mode);

        long read(int fd, @Out byte[] buf, long count);

        long write(int fd, @In byte[] buf, long count);

        int dup(int fd);

        int dup2(int oldFd, int newFd);

        int close(int fd);

        int fcntl(int fd, int cmd, int arg);

        int chdir(CharSequence path);

        Pointer getcwd(@Out byte[] buf, long size);

        int access(CharSequence path, int mode);

        int posix_spawn(IntByReference pid, CharSequence path, Pointer fileActions, Pointer attr, Pointer argv, Pointer envp);

        int posix_spawnp(IntByReference pid, CharSequence file, Pointer fileActions, Pointer attr, Pointer argv, Pointer envp);

        int posix_spawn_file_actions_init(Pointer fa);

        int posix_spawn_file_actions_destroy(Pointer fa);

        int posix_spawn_file_actions_adddup2(Pointer fa, int fd, int newFd);

        int posix_spawn_file_actions_addclose(Pointer fa, int fd);

        int posix_spawn_file_actions_addopen(Pointer fa, int fd, CharSequence path, int flags, int mode);

        int posix_spawn_file_actions_addchdir_np(Pointer fa, CharSequence path);

        int posix_spawnattr_init(Pointer attr);

        int posix_spawnattr_destroy(Pointer attr);

        int posix_spawnattr_setflags(Pointer attr, short flags);

        int posix_spawnattr_setpgroup(Pointer attr, int pgroup);

        int posix_spawnattr_setsigmask(Pointer attr, Pointer sigset);

        int posix_spawnattr_setsigdefault(Pointer attr, Pointer sigset);

        int sigemptyset(Pointer set);

        int sigaddset(Pointer set, int sig);

        int pthread_sigmask(int how, Pointer set, Pointer oldSet);

        int poll(Pointer fds, long nfds, int timeout);

        int pipe2(int[] fds, int flags);

        int eventfd(int initval, int flags);

        int execve(CharSequence path, Pointer argv, Pointer envp);

        void _exit(int status);

        int pidfd_open(int pid, int flags);

        int close_range(int first, int last, int flags);

        long syscall(long number, long sig, Pointer act, Pointer oldAct, long sigsetSize);

        int signalfd(int fd, Pointer mask, int flags);

        int sigtimedwait(Pointer set, Pointer info, Pointer timeout);

        int memfd_create(CharSequence name, int flags);

        long lseek(int fd, long offset, int whence);

        int waitid(int idtype, int id, Pointer info, int options);

        int raise(int sig);

        int socketpair(int domain, int type, int protocol, @Out int[] fds);

        long sendmsg(int socket, Pointer msg, int flags);

        long recvmsg(int socket, Pointer msg, int flags);
    }

    private static final short POSIX_SPAWN_SETPGROUP = 0x02;
    private static final short POSIX_SPAWN_SETSIGDEF = 0x04;
    private static final short POSIX_SPAWN_SETSIGMASK = 0x08;
    /** glibc x86_64/aarch64 sizes, rounded up generously. */
    private static final int SPAWN_STRUCT_SIZE = 1024;
    private static final int SIGSET_SIZE = 128;
    private static final int SIG_BLOCK = 0;
    private static final int SIG_UNBLOCK = 1;
    private static final int SIG_SETMASK = 2;
    private static final int SFD_CLOEXEC = 02000000;
    private static final int EFD_NONBLOCK = 04000;
    private static final int EFD_CLOEXEC = 02000000;
    private static final int X_OK = 1;

    private final LibC libc;
    private final Runtime runtime;
    /** Signal delivery in a process started with its signals held (a fork child); null: the JVM's. */
    private final HeldSignals held;

    private NativePosix() {
        this.libc = LibraryLoader.create(LibC.class).load("c");
        this.runtime = Runtime.getRuntime(libc);
        this.held = HeldSignals.ACTIVE ? new HeldSignals(this) : null;
    }

    private int errno() {
        return LastError.getLastError(runtime);
    }

    private PosixException fail(String call) {
        return fail(errno(), call);
    }

    private PosixException fail(int errno, String call) {
        return new PosixException(errno, Posix.errnoName(errno), call + ": " + Posix.strerror(errno));
    }


    // ---- processes

    @Override
    public int getpid() {
        return libc.getpid();
    }

    @Override
    public int getppid() {
        return libc.getppid();
    }

    @Override
    public int getpgrp() {
        return libc.getpgrp();
    }

    @Override
    public int setsid() throws PosixException {
        int r = libc.setsid();
        if (r < 0) {
            throw fail("setsid");
        }
        return r;
    }

    @Override
    public void setpgid(int pid, int pgid) throws PosixException {
        if (libc.setpgid(pid, pgid) < 0) {
            throw fail("setpgid");
        }
    }

    @Override
    public void kill(int pid, int sig) throws PosixException {
        if (libc.kill(pid, sig) < 0) {
            throw fail("kill");
        }
    }

    @Override
    public int[] waitpid(int pid, int options) throws PosixException {
        int[] status = new int[1];
        while (true) {
            int r = libc.waitpid(pid, status, options);
            if (r > 0) {
                return new int[]{r, status[0]};
            } else if (r == 0) {
                return null;
            }
            int e = errno();
            if (e != EINTR) {
                throw fail(e, "waitpid");
            }
        }
    }

    private volatile boolean noPidfd;

    @Override
    public int pidfdOpen(int pid) {
        if (noPidfd) {
            return -1;
        }
        try {
            return libc.pidfd_open(pid, 0); // pidfds are always close-on-exec
        } catch (UnsatisfiedLinkError e) {
            noPidfd = true;
            return -1;
        }
    }

    @Override
    public int spawn(SpawnSpec spec) throws PosixException {
        Pointer fa = Memory.allocateDirect(runtime, SPAWN_STRUCT_SIZE, true);
        Pointer attr = Memory.allocateDirect(runtime, SPAWN_STRUCT_SIZE, true);
        check(libc.posix_spawn_file_actions_init(fa), "posix_spawn_file_actions_init");
        try {
            check(libc.posix_spawnattr_init(attr), "posix_spawnattr_init");
            try {
                for (SpawnSpec.FileAction a : keepOnly(spec)) {
                    switch (a) {
                        case SpawnSpec.Dup2 d -> check(libc.posix_spawn_file_actions_adddup2(fa, d.from(), d.to()), "posix_spawn_file_actions_adddup2");
                        case SpawnSpec.Open o -> check(libc.posix_spawn_file_actions_addopen(fa, o.fd(), o.path(), o.flags(), o.mode()), "posix_spawn_file_actions_addopen");
                        case SpawnSpec.Close c -> check(libc.posix_spawn_file_actions_addclose(fa, c.fd()), "posix_spawn_file_actions_addclose");
                        case SpawnSpec.Chdir c -> check(libc.posix_spawn_file_actions_addchdir_np(fa, c.path()), "posix_spawn_file_actions_addchdir_np");
                    }
                }
                short flags = 0;
                if (spec.pgroup != null) {
                    flags |= POSIX_SPAWN_SETPGROUP;
                    check(libc.posix_spawnattr_setpgroup(attr, spec.pgroup), "posix_spawnattr_setpgroup");
                }
                if (spec.defaultSignals != null) {
                    flags |= POSIX_SPAWN_SETSIGDEF;
                    check(libc.posix_spawnattr_setsigdefault(attr, cachedSigset(spec.defaultSignals, true)), "posix_spawnattr_setsigdefault");
                }
                if (spec.signalMask != null) {
                    flags |= POSIX_SPAWN_SETSIGMASK;
                    check(libc.posix_spawnattr_setsigmask(attr, cachedSigset(spec.signalMask, false)), "posix_spawnattr_setsigmask");
                }
                check(libc.posix_spawnattr_setflags(attr, flags), "posix_spawnattr_setflags");
                IntByReference pid = new IntByReference();
                CStringArray argv = new CStringArray(spec.argv);
                CStringArray env = nativeEnvironment(spec.env);
                int r = spec.searchPath ? libc.posix_spawnp(pid, spec.path, fa, attr, argv.array, env.array)
                                : libc.posix_spawn(pid, spec.path, fa, attr, argv.array, env.array);
                argv.release();
                env.release();
                if (r != 0) {
                    throw new PosixException(r, Posix.errnoName(r), Posix.strerror(r) + ": " + spec.path);
                }
                return pid.intValue();
            } finally {
                libc.posix_spawnattr_destroy(attr);
            }
        } finally {
            libc.posix_spawn_file_actions_destroy(fa);
        }
    }

    /** The last environment spawned with and its C form: a script passes the same array until its environment changes. */
    private record NativeEnvironment(String[] env, CStringArray array) {
    }

    private volatile NativeEnvironment lastEnvironment;

    private CStringArray nativeEnvironment(String[] env) {
        NativeEnvironment last = lastEnvironment;
        if (last != null && last.env == env) {
            return last.array;
        }
        CStringArray array = new CStringArray(env);
        lastEnvironment = new NativeEnvironment(env, array);
        return array;
    }

    /** The last sigset_t built for the sigdefault and for the sigmask attribute (they rarely change). */
    private record NativeSigset(int[] signals, Pointer set) {
    }

    private volatile NativeSigset lastDefault;
    private volatile NativeSigset lastMask;

    private Pointer cachedSigset(int[] signals, boolean defaults) {
        NativeSigset last = defaults ? lastDefault : lastMask;
        if (last != null && java.util.Arrays.equals(last.signals, signals)) {
            return last.set;
        }
        NativeSigset made = new NativeSigset(signals.clone(), sigset(signals));
        if (defaults) {
            lastDefault = made;
        } else {
            lastMask = made;
        }
        return made.set;
    }

    @Override
    public void closeRange(int first, int last) {
        boolean done = false;
        try {
            done = libc.close_range(first, last, 0) == 0;
        } catch (UnsatisfiedLinkError e) {
            // an older libc
        }
        if (!done) {
            Posix.super.closeRange(first, last);
        }
    }

    private static final int CLOSE_RANGE_CLOEXEC = 4;
    /** close_range(2) with CLOSE_RANGE_CLOEXEC works here (Linux 5.11, glibc 2.34), until it fails once. */
    private volatile boolean closeRangeWorks = true;

    /**
     * The actions that leave the child the spec's keepFds only, then the spec's own. One
     * close_range marks every fd of this process close-on-exec (the runtime never hands an fd to
     * a program any other way), and a dup2 of each kept fd onto itself clears it in the child:
     * no listing of /proc/self/fd and no close per runtime fd. Elsewhere: a close per fd listed.
     */
    private List<SpawnSpec.FileAction> keepOnly(SpawnSpec spec) throws PosixException {
        if (spec.keepFds == null) {
            return spec.actions;
        }
        List<SpawnSpec.FileAction> actions = new ArrayList<>();
        boolean marked = false;
        if (closeRangeWorks) {
            try {
                marked = libc.close_range(3, -1, CLOSE_RANGE_CLOEXEC) == 0;
            } catch (UnsatisfiedLinkError e) {
                // an older libc
            }
            closeRangeWorks = marked;
        }
        if (marked) {
            for (int fd : spec.keepFds) {
                if (fd > 2) {
                    actions.add(new SpawnSpec.Dup2(fd, fd));
                }
            }
        } else {
            for (int fd : openFds()) {
                if (fd > 2 && !spec.keepFds.contains(fd)) {
                    actions.add(new SpawnSpec.Close(fd));
                }
            }
        }
        actions.addAll(spec.actions);
        return actions;
    }

    private void check(int result, String call) throws PosixException {
        if (result != 0) {
            throw fail(result, call);
        }
    }

    /**
     * A sigset_t with the bits set directly: sigaddset refuses glibc's internal signals 32 and 33,
     * and glibc's posix_spawn sets those to SIG_IGN in the child unless they are in the
     * sigdefault set, which the exec'd program would then inherit.
     */
    private Pointer sigset(int[] signals) {
        Pointer set = Memory.allocateDirect(runtime, SIGSET_SIZE, true);
        long[] words = new long[SIGSET_SIZE / 8]; // unsigned long __val[16]
        for (int s : signals) {
            if (s >= 1 && s <= SIGSET_SIZE * 8) {
                words[(s - 1) / 64] |= 1L << ((s - 1) % 64);
            }
        }
        for (int i = 0; i < words.length; i++) {
            set.putLong(8L * i, words[i]);
        }
        return set;
    }

    /** A NULL-terminated char*[] of UTF-8 strings; the strings' memory lives as long as this object. */
    private final class CStringArray {
        final Pointer array;
        private final Pointer[] strings;

        CStringArray(String[] values) {
            int size = runtime.addressSize();
            array = Memory.allocateDirect(runtime, (values.length + 1) * size, true);
            strings = new Pointer[values.length];
            for (int i = 0; i < values.length; i++) {
                byte[] bytes = values[i].getBytes(java.nio.charset.StandardCharsets.UTF_8);
                strings[i] = Memory.allocateDirect(runtime, bytes.length + 1, true);
                strings[i].put(0, bytes, 0, bytes.length);
                array.putPointer((long) i * size, strings[i]);
            }
        }

        void release() {
            java.lang.ref.Reference.reachabilityFence(strings);
            java.lang.ref.Reference.reachabilityFence(array);
        }
    }

    @Override
    public void execve(String path, String[] argv, String[] env) throws PosixException {
        CStringArray a = new CStringArray(argv);
        CStringArray e = new CStringArray(env);
        libc.execve(path, a.array, e.array);
        a.release();
        e.release();
        throw fail("execve");
    }

    @Override
    public void exit(int status) {
        libc._exit(status);
    }

    // ---- file descriptors

    @Override
    public int[] pipe() throws PosixException {
        int[] fds = new int[2];
        if (libc.pipe(fds) < 0) {
            throw fail("pipe");
        }
        return fds;
    }

    @Override
    public int[] pipeCloexec() throws PosixException {
        int[] fds = new int[2];
        if (libc.pipe2(fds, O_CLOEXEC) < 0) {
            throw fail("pipe2");
        }
        return fds;
    }

    private static final int MFD_CLOEXEC = 1;

    @Override
    public int memfd(String name) throws PosixException {
        int fd = libc.memfd_create(name, MFD_CLOEXEC);
        if (fd < 0) {
            throw fail("memfd_create");
        }
        return fd;
    }

    private static final int AF_UNIX = 1;
    private static final int SOCK_SEQPACKET = 5;
    private static final int SOCK_CLOEXEC = 02000000;
    private static final int SOL_SOCKET = 1;
    private static final int SCM_RIGHTS = 1;
    private static final int MSG_NOSIGNAL = 0x4000;
    private static final int MSG_CMSG_CLOEXEC = 0x40000000;
    /** struct msghdr, iovec and cmsghdr on LP64 Linux (x86_64, aarch64). */
    private static final int MSGHDR_SIZE = 56;
    private static final int CMSGHDR_SIZE = 16;

    @Override
    public int[] socketPair() throws PosixException {
        int[] fds = new int[2];
        if (libc.socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, fds) < 0) {
            throw fail("socketpair");
        }
        return fds;
    }

    /** A msghdr with one iovec of len bytes and room for fds fds of ancillary data; [msg, iov data, control]. */
    private Pointer[] message(int len, int fds) {
        Pointer msg = Memory.allocateDirect(runtime, MSGHDR_SIZE + 16, true);
        Pointer data = Memory.allocateDirect(runtime, Math.max(1, len), true);
        int controlLen = CMSGHDR_SIZE + ((4 * fds + 7) & ~7);
        Pointer control = Memory.allocateDirect(runtime, controlLen, true);
        Pointer iov = msg.slice(MSGHDR_SIZE);
        iov.putAddress(0, data.address());
        iov.putLong(8, len);
        msg.putAddress(16, iov.address()); // msg_iov
        msg.putLong(24, 1); // msg_iovlen
        msg.putAddress(32, control.address()); // msg_control
        msg.putLong(40, fds == 0 ? 0 : controlLen); // msg_controllen
        return new Pointer[]{msg, data, control};
    }

    @Override
    public void sendWithFds(int socket, byte[] data, int[] fds) throws PosixException {
        Pointer[] m = message(data.length, fds.length);
        m[1].put(0, data, 0, data.length);
        if (fds.length > 0) {
            m[2].putLong(0, CMSGHDR_SIZE + 4L * fds.length); // cmsg_len
            m[2].putInt(8, SOL_SOCKET);
            m[2].putInt(12, SCM_RIGHTS);
            for (int i = 0; i < fds.length; i++) {
                m[2].putInt(CMSGHDR_SIZE + 4L * i, fds[i]);
            }
        }
        long n;
        do {
            n = libc.sendmsg(socket, m[0], MSG_NOSIGNAL);
        } while (n < 0 && errno() == EINTR);
        if (n < 0) {
            throw fail("sendmsg");
        }
    }

    @Override
    public int[] receiveWithFds(int socket, byte[] buf, int[] fds) throws PosixException {
        Pointer[] m = message(buf.length, fds.length);
        long n;
        do {
            n = libc.recvmsg(socket, m[0], MSG_CMSG_CLOEXEC);
        } while (n < 0 && errno() == EINTR);
        if (n < 0) {
            throw fail("recvmsg");
        }
        m[1].get(0, buf, 0, (int) n);
        int received = 0;
        long controlLen = m[0].getLong(40);
        if (controlLen >= CMSGHDR_SIZE && m[2].getInt(8) == SOL_SOCKET && m[2].getInt(12) == SCM_RIGHTS) {
            received = (int) ((m[2].getLong(0) - CMSGHDR_SIZE) / 4);
            for (int i = 0; i < received; i++) {
                fds[i] = m[2].getInt(CMSGHDR_SIZE + 4L * i);
            }
        }
        return new int[]{(int) n, received};
    }

    @Override
    public void rewind(int fd) throws PosixException {
        if (libc.lseek(fd, 0, 0) < 0) {
            throw fail("lseek");
        }
    }

    private static final int P_PID = 1;
    private static final int WEXITED = 4;
    private static final int WNOWAIT = 0x01000000;
    private static final int CLD_EXITED = 1;

    @Override
    public int[] peekEnd(int pid) throws PosixException {
        Pointer info = Memory.allocateDirect(runtime, 128, true); // siginfo_t
        while (libc.waitid(P_PID, pid, info, WEXITED | WNOWAIT) < 0) {
            int e = errno();
            if (e != EINTR) {
                throw fail(e, "waitid");
            }
        }
        // si_signo, si_errno, si_code, then (64-bit) si_pid, si_uid at 16 and 20, si_status at 24
        return new int[]{info.getInt(8) == CLD_EXITED ? 1 : 0, info.getInt(24)};
    }

    @Override
    public int open(String path, int flags, int mode) throws PosixException {
        while (true) {
            int fd = libc.open(path, flags, mode);
            if (fd >= 0) {
                return fd;
            }
            int e = errno();
            if (e != EINTR) {
                throw new PosixException(e, Posix.errnoName(e), Posix.strerror(e) + ": " + path);
            }
        }
    }

    @Override
    public int read(int fd, byte[] buf, int len) throws PosixException {
        while (true) {
            long n = libc.read(fd, buf, (long) len);
            if (n >= 0) {
                return (int) n;
            }
            int e = errno();
            if (e != EINTR) {
                throw fail(e, "read");
            }
        }
    }

    @Override
    public int write(int fd, byte[] buf, int off, int len) throws PosixException {
        byte[] chunk = off == 0 && len == buf.length ? buf : java.util.Arrays.copyOfRange(buf, off, off + len);
        while (true) {
            long n = libc.write(fd, chunk, (long) len);
            if (n >= 0) {
                return (int) n;
            }
            int e = errno();
            if (e != EINTR) {
                throw fail(e, "write");
            }
        }
    }

    @Override
    public int dup(int fd) throws PosixException {
        int r = libc.dup(fd);
        if (r < 0) {
            throw fail("dup");
        }
        return r;
    }

    @Override
    public int dup2(int oldFd, int newFd) throws PosixException {
        while (true) {
            int r = libc.dup2(oldFd, newFd);
            if (r >= 0) {
                return r;
            }
            int e = errno();
            if (e != EINTR) {
                throw fail(e, "dup2");
            }
        }
    }

    @Override
    public void close(int fd) throws PosixException {
        if (libc.close(fd) < 0) {
            int e = errno();
            if (e != EINTR) { // on Linux the fd is gone even after EINTR
                throw fail(e, "close");
            }
        }
    }

    private static final int F_GETFD = 1;
    private static final int F_SETFD = 2;
    private static final int F_GETFL = 3;
    private static final int F_SETFL = 4;

    @Override
    public int getFdFlags(int fd) throws PosixException {
        int r = libc.fcntl(fd, F_GETFD, 0);
        if (r < 0) {
            throw fail("fcntl");
        }
        return r;
    }

    @Override
    public void setFdFlags(int fd, int flags) throws PosixException {
        if (libc.fcntl(fd, F_SETFD, flags) < 0) {
            throw fail("fcntl");
        }
    }

    @Override
    public int getStatusFlags(int fd) throws PosixException {
        int r = libc.fcntl(fd, F_GETFL, 0);
        if (r < 0) {
            throw fail("fcntl");
        }
        return r;
    }

    @Override
    public void setStatusFlags(int fd, int flags) throws PosixException {
        if (libc.fcntl(fd, F_SETFL, flags) < 0) {
            throw fail("fcntl");
        }
    }

    @Override
    public int poll(int[] fds, short[] events, short[] revents, int timeoutMillis) throws PosixException {
        Pointer p = Memory.allocateDirect(runtime, 8 * fds.length, true);
        for (int i = 0; i < fds.length; i++) {
            p.putInt(8L * i, fds[i]);
            p.putShort(8L * i + 4, events[i]);
        }
        int r = libc.poll(p, fds.length, timeoutMillis);
        if (r < 0) {
            int e = errno();
            if (e == EINTR) {
                return -1;
            }
            throw fail(e, "poll");
        }
        for (int i = 0; i < fds.length; i++) {
            revents[i] = p.getShort(8L * i + 6);
        }
        return r;
    }

    @Override
    public int eventfd() throws PosixException {
        int fd = libc.eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
        if (fd < 0) {
            throw fail("eventfd");
        }
        return fd;
    }

    // ---- files and directories

    @Override
    public void chdir(String path) throws PosixException {
        if (libc.chdir(path) < 0) {
            int e = errno();
            throw new PosixException(e, Posix.errnoName(e), Posix.strerror(e) + ": " + path);
        }
    }

    @Override
    public String getcwd() throws PosixException {
        byte[] buf = new byte[4097];
        if (libc.getcwd(buf, buf.length) == null) {
            throw fail("getcwd");
        }
        int n = 0;
        while (n < buf.length && buf[n] != 0) {
            n++;
        }
        return new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static final int F_OK = 0;
    private static final int O_DIRECTORY = 0200000;

    @Override
    public boolean isExecutableFile(String path) {
        if (libc.access(path, X_OK) != 0) {
            return false;
        }
        int fd = libc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
        if (fd >= 0) {
            libc.close(fd);
            return false; // a directory
        }
        return true;
    }

    @Override
    public boolean exists(String path) {
        return libc.access(path, F_OK) == 0;
    }

    // ---- signals

    /**
     * rt_sigaction(2) itself: glibc's sigaction refuses its internal signals 32 and 33, which a
     * process started by glibc's posix_spawn inherits as SIG_IGN and exec must reset too. The
     * kernel's struct: handler, flags, restorer, mask (8 bytes each on x86_64 and aarch64).
     */
    private static final long SYS_RT_SIGACTION = "aarch64".equals(System.getProperty("os.arch")) ? 134 : 13;
    private static final int KERNEL_SIGACTION_SIZE = 32;

    private Pointer rtSigaction(int sig, Pointer act) throws PosixException {
        Pointer old = Memory.allocateDirect(runtime, KERNEL_SIGACTION_SIZE, true);
        if (libc.syscall(SYS_RT_SIGACTION, sig, act, old, 8) < 0) {
            throw fail("rt_sigaction");
        }
        return old;
    }

    @Override
    public int signalDisposition(int sig) throws PosixException {
        long h = rtSigaction(sig, null).getLong(0);
        return h == 0 ? SIG_DFL : h == 1 ? SIG_IGN : SIG_HANDLER;
    }

    @Override
    public byte[] setSignalDisposition(int sig, int disposition) throws PosixException {
        Pointer act = Memory.allocateDirect(runtime, KERNEL_SIGACTION_SIZE, true);
        act.putLong(0, disposition == SIG_IGN ? 1 : 0); // no flags, empty mask
        byte[] saved = new byte[KERNEL_SIGACTION_SIZE];
        rtSigaction(sig, act).get(0, saved, 0, KERNEL_SIGACTION_SIZE);
        return saved;
    }

    @Override
    public void restoreSignalAction(int sig, byte[] saved) throws PosixException {
        Pointer act = Memory.allocateDirect(runtime, KERNEL_SIGACTION_SIZE, true);
        act.put(0, saved, 0, KERNEL_SIGACTION_SIZE);
        rtSigaction(sig, act);
    }

    @Override
    public byte[] unblockAllSignals() throws PosixException {
        Pointer empty = Memory.allocateDirect(runtime, SIGSET_SIZE, true);
        libc.sigemptyset(empty);
        Pointer old = Memory.allocateDirect(runtime, SIGSET_SIZE, true);
        check(libc.pthread_sigmask(SIG_SETMASK, empty, old), "pthread_sigmask");
        byte[] saved = new byte[SIGSET_SIZE];
        old.get(0, saved, 0, SIGSET_SIZE);
        return saved;
    }

    @Override
    public void restoreSignalMask(byte[] saved) throws PosixException {
        Pointer set = Memory.allocateDirect(runtime, SIGSET_SIZE, true);
        set.put(0, saved, 0, SIGSET_SIZE);
        check(libc.pthread_sigmask(SIG_SETMASK, set, null), "pthread_sigmask");
    }

    @Override
    public boolean canCatchSignals() {
        return held != null || !REDUCED_SIGNALS;
    }

    @Override
    public boolean catchSignal(int sig, IntConsumer onSignal) {
        if (held != null) {
            try {
                if (signalDisposition(sig) == SIG_IGN) {
                    setSignalDisposition(sig, SIG_DFL); // an ignored signal is dropped when sent; blocked, this one waits for the reader
                }
            } catch (PosixException e) {
                return false;
            }
            return held.catchSignal(sig, onSignal);
        }
        jnr.constants.platform.Signal s = jnr.constants.platform.Signal.valueOf(sig);
        if (REDUCED_SIGNALS || s == null || !s.defined()) {
            return false;
        }
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(s.name().substring(3)), signal -> onSignal.accept(signal.getNumber()));
            return true;
        } catch (IllegalArgumentException e) {
            return false; // the JVM keeps it
        }
    }

    @Override
    public void releaseSignal(int sig) {
        if (held != null) {
            held.release(sig);
        } // the JVM's handler is replaced by the disposition the caller sets
    }

    @Override
    public void startSignalDelivery() throws PosixException {
        if (held != null) {
            held.start();
        }
    }


    @Override
    public boolean signalsHeld() {
        return held != null;
    }

    @Override
    public void dieOf(int sig) throws PosixException {
        setSignalDisposition(sig, SIG_DFL);
        raiseUnblocked(sig);
    }

    /** signalfd(2) over these signals, close-on-exec, blocking reads: a new one (fd -1), or fd now over these. */
    int signalfd(int fd, int[] signals) throws PosixException {
        int made = libc.signalfd(fd, sigset(signals), SFD_CLOEXEC);
        if (made < 0) {
            throw fail("signalfd");
        }
        return made;
    }

    /** Takes sig if it is pending (blocked) on the process or the calling thread, without acting on it. */
    void discardPending(int sig) {
        Pointer set = sigset(new int[]{sig});
        Pointer noWait = Memory.allocateDirect(runtime, 16, true); // struct timespec {0, 0}
        libc.sigtimedwait(set, null, noWait); // the signal's number, or -1 (EAGAIN) when none was pending
    }

    /** The default action of sig, on this process: raised on the calling thread with sig unblocked there. */
    void raiseUnblocked(int sig) throws PosixException {
        Pointer one = sigset(new int[]{sig});
        check(libc.pthread_sigmask(SIG_UNBLOCK, one, null), "pthread_sigmask");
        try {
            libc.raise(sig);
        } finally {
            check(libc.pthread_sigmask(SIG_BLOCK, one, null), "pthread_sigmask"); // a stop signal comes back here on SIGCONT
        }
    }

    @Override
    public TreeSet<Integer> openFds() throws PosixException {
        TreeSet<Integer> fds = new TreeSet<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path p : dir) {
                fds.add(Integer.parseInt(p.getFileName().toString()));
            }
        } catch (IOException | NumberFormatException e) {
            // the JDK says which errno only in words: the one worth telling apart is running out of fds
            boolean emfile = e instanceof java.nio.file.FileSystemException f && Posix.strerror(EMFILE).equals(f.getReason());
            throw new PosixException(emfile ? EMFILE : EIO, "cannot list /proc/self/fd: " + e.getMessage());
        }
        return fds;
    }
}
