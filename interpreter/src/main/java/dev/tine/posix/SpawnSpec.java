package dev.tine.posix;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What {@link Posix#spawn} starts: the program, its argv and environment, the file actions the
 * child performs in order before it execs, its process group, and its signal state.
 */
public final class SpawnSpec {
    /** A file action of posix_spawn, run in the child in list order. */
    public sealed interface FileAction permits Dup2, Open, Close, Chdir {
    }

    /** dup2(from, to); with from == to, clears close-on-exec. */
    public record Dup2(int from, int to) implements FileAction {
    }

    public record Open(int fd, String path, int flags, int mode) implements FileAction {
    }

    public record Close(int fd) implements FileAction {
    }

    /** posix_spawn_file_actions_addchdir_np (glibc 2.29+). */
    public record Chdir(String path) implements FileAction {
    }

    /** The program: a path with a slash, or a name that posix_spawnp looks up in the caller's PATH. */
    public String path;
    public String[] argv;
    public String[] env;
    public final List<FileAction> actions = new ArrayList<>();
    /**
     * The fds above 2 the child starts with (before the actions run): these, at their numbers;
     * every other fd of this process is closed at the exec. Null: it inherits what is not close-on-exec.
     */
    public Set<Integer> keepFds;
    /** null: inherit the caller's process group; 0: a new group led by the child; else join that group. */
    public Integer pgroup;
    /** Signals reset to SIG_DFL in the child (POSIX_SPAWN_SETSIGDEF); null: leave dispositions alone. */
    public int[] defaultSignals;
    /** Signals blocked in the child (POSIX_SPAWN_SETSIGMASK); null: inherit, empty: none. */
    public int[] signalMask;
    /** Search PATH (posix_spawnp) when path has no slash. */
    public boolean searchPath;
}
