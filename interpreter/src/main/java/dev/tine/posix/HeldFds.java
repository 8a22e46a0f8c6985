package dev.tine.posix;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedSet;

/**
 * Keeps fd numbers 0-255 for the script, as LANGUAGE.md promises: a number the script does not
 * use holds /dev/null, so every fd the runtime opens (a jar, run()'s pipes, the JVM's own) lies
 * above 255, and pipe, open and dup give the lowest number the script does not use, as POSIX
 * does. The tine command starts its JVM with 3-255 held (./tine, -Dtine.heldFds=true); a fork
 * child starts so too (ChildLauncher, Spare). An embedded context holds nothing: the host's fds
 * are where they are.
 */
public final class HeldFds {
    /** The last number the script may use. */
    public static final int LAST = 255;
    public static final HeldFds NONE = new HeldFds(false);

    private final boolean holding;
    /** /dev/null, above LAST: what a held number is a copy of; opened at first need (no native call at start). */
    private int nullFd = -1;

    private HeldFds(boolean holding) {
        this.holding = holding;
    }

    private static HeldFds process;

    /** Holding when the launcher asked for it and has held the numbers (3 and LAST are open); one for the process. */
    public static synchronized HeldFds forProcess(Posix posix, boolean processMode) {
        if (!processMode || !Boolean.getBoolean("tine.heldFds") || !(posix instanceof NativePosix)) {
            return NONE;
        }
        if (process == null) {
            // the launcher held them: 3 and LAST are open (asked of /proc, which needs no native binding)
            process = Files.exists(Path.of("/proc/self/fd/3")) && Files.exists(Path.of("/proc/self/fd/" + LAST)) ? new HeldFds(true) : NONE;
        }
        return process;
    }

    public boolean holding() {
        return holding;
    }

    private synchronized int nullFd(Posix posix) throws PosixException {
        if (nullFd < 0) {
            int fd = posix.open("/dev/null", Posix.O_RDONLY | Posix.O_CLOEXEC, 0);
            if (fd <= LAST) { // cannot be while the numbers are held; if it is, one of them was free
                posix.closeQuietly(fd);
                throw new PosixException(Posix.EMFILE, "fd " + fd + " was not held for the script");
            }
            nullFd = fd;
        }
        return nullFd;
    }

    /** Whether fd is a number held for the script, free for it to take. */
    public boolean isHeld(int fd, SortedSet<Integer> scriptFds) {
        return holding() && fd >= 0 && fd <= LAST && !scriptFds.contains(fd);
    }

    /** The script's new fd (from pipe, open, dup), moved to the lowest number the script does not use. */
    public int adopt(Posix posix, int fd, SortedSet<Integer> scriptFds) throws PosixException {
        if (!holding() || fd <= LAST) {
            return fd;
        }
        int target = 0;
        while (scriptFds.contains(target)) {
            target++;
        }
        try {
            if (target > LAST) {
                throw new PosixException(Posix.EMFILE, "the script has " + (LAST + 1) + " fds open");
            }
            posix.dup2(fd, target);
        } finally {
            posix.closeQuietly(fd);
        }
        return target;
    }

    /** The script is done with fd: its number is held again (closing what was there), or, beyond the held numbers, closed. */
    public void release(Posix posix, int fd) throws PosixException {
        if (holding() && fd >= 0 && fd <= LAST) {
            posix.dup2(nullFd(posix), fd);
        } else {
            posix.close(fd);
        }
    }

    /** A new process (a fork child's runtime) that starts with the script's fds: every other number held as here. */
    public void holdIn(Posix posix, SpawnSpec spec, SortedSet<Integer> scriptFds) throws PosixException {
        if (holding()) {
            int from = nullFd(posix);
            for (int fd = 3; fd <= LAST; fd++) {
                if (!scriptFds.contains(fd)) {
                    spec.actions.add(new SpawnSpec.Dup2(from, fd));
                }
            }
        }
    }
}
