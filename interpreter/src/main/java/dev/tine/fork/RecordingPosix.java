package dev.tine.fork;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntConsumer;

import dev.tine.posix.Posix;
import dev.tine.posix.PosixException;
import dev.tine.posix.SpawnSpec;
import dev.tine.runtime.ProcessState;

/**
 * The OS as a {@link Rehearsal} of a fork() child sees it: what posix_spawn can do in the child
 * before its exec is recorded (fds, working directory, process group, signals back to default),
 * questions about the parent's world are answered from it, and everything else ends the
 * rehearsal. The child starts with the script's fds, at their numbers, and none of the runtime's.
 */
final class RecordingPosix implements Posix {
    private final Posix real;
    private final ProcessState child;
    private final SpawnSpec spec = new SpawnSpec();
    /** The fds open in the child, as the recorded actions leave them. */
    private final TreeSet<Integer> open;
    /** The child's working directory once a chdir is recorded, else null: the parent's. */
    private String cwd;
    /** Dispositions the child's code set, which the exec'd program gets. */
    private final Map<Integer, Integer> dispositions = new HashMap<>();
    private boolean execed;

    RecordingPosix(Posix real, ProcessState child) {
        this.real = real;
        this.child = child;
        this.open = new TreeSet<>(child.scriptFds);
        spec.keepFds = new TreeSet<>(child.scriptFds);
    }

    private static Rehearsal.Over refuse(String call) {
        return Rehearsal.refuse("calls " + call + " before exec");
    }

    private int lowestFree() {
        int fd = 0;
        while (open.contains(fd)) {
            fd++;
        }
        return fd;
    }

    private void needOpen(int fd) {
        if (!open.contains(fd)) {
            throw refuse("an fd the parent's runtime owns");
        }
    }

    // ---- processes
    @Override
    public int getpid() {
        throw refuse("getpid()");
    }

    @Override
    public int getppid() {
        return real.getpid(); // the child's parent is this process
    }

    @Override
    public int getpgrp() {
        if (spec.pgroup == null) {
            return real.getpgrp();
        } else if (spec.pgroup == 0) {
            throw refuse("getpgrp() after setpgid(0, 0)");
        }
        return spec.pgroup;
    }

    @Override
    public int setsid() {
        throw refuse("setsid()");
    }

    @Override
    public void setpgid(int pid, int pgid) {
        if (pid != 0 || pgid < 0) {
            throw refuse("setpgid() of a pid");
        }
        spec.pgroup = pgid; // posix_spawn's POSIX_SPAWN_SETPGROUP; when it fails, so does the spawn
    }

    @Override
    public void kill(int pid, int sig) {
        throw refuse("kill()");
    }

    @Override
    public int[] waitpid(int pid, int options) {
        throw refuse("wait()");
    }

    @Override
    public int[] peekEnd(int pid) {
        throw refuse("wait()");
    }

    @Override
    public int pidfdOpen(int pid) {
        throw refuse("wait()");
    }

    @Override
    public int spawn(SpawnSpec s) {
        throw refuse("spawn()");
    }

    /** The child's code reached exec: the rehearsal is over, and this is the program to start. */
    @Override
    public void execve(String path, String[] argv, String[] env) throws PosixException {
        if (execed) {
            throw new PosixException(ENOEXEC, "rehearsed already");
        }
        for (Map.Entry<Integer, Object> h : child.signalHandlers.entrySet()) {
            if ("ignore".equals(h.getValue()) && real.signalDisposition(h.getKey()) != SIG_IGN) {
                throw refuse("signal(" + h.getKey() + ", \"ignore\")"); // posix_spawn can only reset to default
            }
        }
        execed = true;
        spec.path = path;
        spec.argv = argv;
        spec.env = env;
        spec.defaultSignals = child.defaultSignals();
        spec.signalMask = new int[0];
        throw new Rehearsal.Over(spec, null);
    }

    @Override
    public void exit(int status) {
        throw refuse("exit()");
    }

    // ---- file descriptors
    @Override
    public int[] pipe() {
        throw refuse("pipe()");
    }

    @Override
    public int[] pipeCloexec() {
        throw refuse("pipe()");
    }

    @Override
    public int[] socketPair() {
        throw refuse("a socket");
    }

    @Override
    public void sendWithFds(int socket, byte[] data, int[] fds) {
        throw refuse("a socket");
    }

    @Override
    public int[] receiveWithFds(int socket, byte[] buf, int[] fds) {
        throw refuse("a socket");
    }

    @Override
    public int memfd(String name) {
        throw refuse("a memory file");
    }

    @Override
    public void rewind(int fd) {
        throw refuse("lseek()");
    }

    @Override
    public int open(String path, int flags, int mode) {
        int fd = lowestFree();
        spec.actions.add(new SpawnSpec.Open(fd, path, flags, mode)); // a failure is the spawn's: then the full child tries
        open.add(fd);
        return fd;
    }

    @Override
    public int read(int fd, byte[] buf, int len) {
        throw refuse("read()");
    }

    @Override
    public int write(int fd, byte[] buf, int off, int len) {
        throw refuse("write()");
    }

    @Override
    public int dup(int fd) {
        needOpen(fd);
        int copy = lowestFree();
        spec.actions.add(new SpawnSpec.Dup2(fd, copy));
        open.add(copy);
        return copy;
    }

    @Override
    public int dup2(int oldFd, int newFd) {
        needOpen(oldFd);
        if (oldFd != newFd) { // dup2 of an fd onto itself changes nothing
            spec.actions.add(new SpawnSpec.Dup2(oldFd, newFd));
            open.add(newFd);
        }
        return newFd;
    }

    @Override
    public void close(int fd) {
        if (execed) {
            return;
        }
        needOpen(fd);
        spec.actions.add(new SpawnSpec.Close(fd));
        open.remove(fd);
    }

    @Override
    public int getFdFlags(int fd) {
        needOpen(fd);
        return 0; // the script's fds are never close-on-exec
    }

    @Override
    public void setFdFlags(int fd, int flags) {
        throw refuse("fcntl()");
    }

    @Override
    public int getStatusFlags(int fd) {
        throw refuse("fcntl()");
    }

    @Override
    public void setStatusFlags(int fd, int flags) {
        throw refuse("fcntl()");
    }

    @Override
    public int poll(int[] fds, short[] events, short[] revents, int timeoutMillis) {
        throw refuse("poll()");
    }

    @Override
    public int eventfd() {
        throw refuse("eventfd()");
    }

    // ---- files and directories
    @Override
    public void chdir(String path) {
        if (execed) {
            return;
        }
        Path dir;
        try {
            dir = Path.of(path).toRealPath();
        } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
            throw refuse("chdir() to a directory that is not there");
        }
        if (!Files.isDirectory(dir) || !Files.isExecutable(dir)) {
            throw refuse("chdir() to what is not a directory it may enter");
        }
        cwd = dir.toString();
        spec.actions.add(new SpawnSpec.Chdir(cwd));
    }

    @Override
    public String getcwd() throws PosixException {
        return cwd != null ? cwd : real.getcwd();
    }

    @Override
    public boolean isExecutableFile(String path) {
        return real.isExecutableFile(path);
    }

    @Override
    public boolean exists(String path) {
        return real.exists(path);
    }

    // ---- signals
    @Override
    public int signalDisposition(int sig) throws PosixException {
        Integer set = dispositions.get(sig);
        return set != null ? set : real.signalDisposition(sig);
    }

    @Override
    public byte[] setSignalDisposition(int sig, int disposition) throws PosixException {
        if (execed) {
            return new byte[0];
        }
        int now = real.signalDisposition(sig);
        if (now == SIG_HANDLER) {
            throw refuse("signal() of a signal the parent handles");
        }
        if (disposition == SIG_IGN && now != SIG_IGN) {
            throw refuse("signal(" + sig + ", \"ignore\")"); // posix_spawn can only reset to default
        }
        dispositions.put(sig, disposition);
        return new byte[0];
    }

    @Override
    public void restoreSignalAction(int sig, byte[] saved) {
        // only exec's undo after a failure calls it, and a rehearsed exec has not failed
    }

    @Override
    public byte[] unblockAllSignals() {
        return new byte[0]; // the spawned program starts with an empty mask
    }

    @Override
    public void restoreSignalMask(byte[] saved) {
        // as restoreSignalAction
    }

    @Override
    public boolean canCatchSignals() {
        return real.canCatchSignals();
    }

    @Override
    public boolean catchSignal(int sig, IntConsumer onSignal) {
        throw refuse("signal() with a handler");
    }

    @Override
    public void releaseSignal(int sig) {
        // setSignalDisposition refused a signal the parent catches
    }

    @Override
    public void startSignalDelivery() {
        throw refuse("signals");
    }

    // ---- the process seen through /proc
    @Override
    public TreeSet<Integer> openFds() {
        return new TreeSet<>(open);
    }
}
