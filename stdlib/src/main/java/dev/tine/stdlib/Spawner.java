package dev.tine.stdlib;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;

import dev.tine.TineContext;
import dev.tine.builtins.NoArg;
import dev.tine.runtime.Errors;
import dev.tine.runtime.Printer;
import dev.tine.runtime.ProcessState;
import dev.tine.runtime.TineList;
import dev.tine.runtime.TineMap;
import dev.tine.runtime.TineNull;
import dev.tine.runtime.TypeNames;
import dev.tine.posix.Posix;
import dev.tine.posix.PosixException;
import dev.tine.posix.SpawnSpec;

/**
 * spawn's work, shared with run: parse the options, find the programs on the script's PATH and
 * start them with posix_spawn. A program sees fds 0-2 as the options set them and the fds named
 * in pass_fds, nothing else (so a program reading a pipe sees end of file once the script closes
 * its write end), every signal at SIG_DFL except those the script ignores, and an empty mask.
 * A pipeline (a list of argvs) starts every program at once, each one's stdout piped into the
 * next one's stdin.
 */
final class Spawner {
    /** How a program's stdin, stdout or stderr is set up: inherit, an fd, or /dev/null. */
    record Stdio(int fd, boolean devNull) {
        static final Stdio INHERIT = new Stdio(-1, false);
        static final Stdio NULL = new Stdio(-1, true);
    }

    /** One argv per program: one for a plain spawn, one per stage of a pipeline. */
    final List<String[]> stages = new ArrayList<>();
    /** argv was a list of argvs: spawn returns a list of pids, run a status per program. */
    boolean pipeline;
    /** null: the script's environment. */
    String[] env;
    /** null: the script's working directory. */
    String cwd;
    /** stdin goes to the first program, stdout comes from the last, stderr from all. */
    final Stdio[] stdio = {Stdio.INHERIT, Stdio.INHERIT, Stdio.INHERIT};
    /** null: the script's process group; 0: a new group (one for the whole pipeline). */
    Integer pgroup;
    /** Script fds above 2 that every program also gets, at their numbers (pass_fds). */
    final TreeSet<Integer> passFds = new TreeSet<>();

    static final Set<String> SPAWN_OPTIONS = Set.of("env", "cwd", "stdin", "stdout", "stderr", "pgroup", "pass_fds");
    static final Set<String> RUN_OPTIONS = Set.of("env", "cwd", "stdin", "stdout", "stderr", "pgroup", "pass_fds", "input", "timeout", "check");

    /** Reads argv (or a pipeline's argvs) and the spawn options of opts (a map, or absent); run's own options are left to the caller. */
    @TruffleBoundary
    static Spawner parse(Object argvArg, Object opts, String builtin, Set<String> allowed, TineContext context, Node node) {
        Spawner s = new Spawner();
        if (argvArg instanceof TineList list && list.size() > 0 && list.get(0) instanceof TineList) {
            s.pipeline = true;
            for (int i = 0; i < list.size(); i++) {
                Object stage = list.get(i);
                s.stages.add(ProcessSupport.argv(stage, builtin + "() pipeline program " + (i + 1) + "'s argv", node));
            }
        } else {
            s.stages.add(ProcessSupport.argv(argvArg, builtin + "() argv", node));
        }
        if (opts == NoArg.INSTANCE || opts == TineNull.INSTANCE) {
            return s;
        }
        if (!(opts instanceof TineMap map)) {
            throw Errors.typeError(builtin + "() options must be a map, not " + TypeNames.of(opts), node);
        }
        for (Object key : map.entries.keySet()) {
            if (!allowed.contains(key)) {
                throw Errors.valueError(builtin + "() has no option " + Printer.str(key instanceof String k ? Printer.quote(k) : key), node);
            }
        }
        Object v;
        if ((v = option(map, "env")) != null) {
            s.env = ProcessSupport.envArray(v, builtin, node);
        }
        if ((v = option(map, "cwd")) != null) {
            s.cwd = ProcessSupport.resolve(context.process, ProcessSupport.string(v, builtin + "() cwd", node));
        }
        String[] names = {"stdin", "stdout", "stderr"};
        for (int i = 0; i < 3; i++) {
            if ((v = option(map, names[i])) != null) {
                if ("null".equals(v)) {
                    s.stdio[i] = Stdio.NULL;
                } else if (v instanceof Long) {
                    s.stdio[i] = new Stdio(ProcessSupport.scriptFd(context.process, v, node), false);
                } else {
                    throw Errors.typeError(builtin + "() " + names[i] + " must be an fd or \"null\", not "
                                    + (v instanceof String str ? Printer.quote(str) : TypeNames.of(v)), node);
                }
            }
        }
        if ((v = option(map, "pgroup")) != null) {
            int pg = ProcessSupport.cInt(v, builtin + "() pgroup", node);
            if (pg < 0) {
                throw ProcessSupport.osError(Posix.EINVAL, builtin + "() pgroup must be 0 or a process group id", node);
            }
            s.pgroup = pg;
        }
        if ((v = option(map, "pass_fds")) != null) {
            if (!(v instanceof TineList list)) {
                throw Errors.typeError(builtin + "() pass_fds must be a list of fds, not " + TypeNames.of(v), node);
            }
            for (Object fd : list.items) {
                int n = ProcessSupport.scriptFd(context.process, fd, node);
                if (n > 2) { // 0-2 are the programs' stdio, set by the options
                    s.passFds.add(n);
                }
            }
        }
        return s;
    }

    /** The option's value; null when absent or null. */
    static Object option(TineMap map, String key) {
        Object v = map.get(key);
        return v == null || v == TineNull.INSTANCE ? null : v;
    }

    /**
     * Flushes the script's output and starts every program; returns their pids. Every program is
     * looked up before the first starts; if one still fails to start, those already started are
     * killed and reaped, so a failed spawn leaves nothing behind.
     */
    @TruffleBoundary
    int[] start(TineContext context, Node node) {
        context.flush();
        ProcessState ps = context.process;
        Posix posix = context.posix;
        int n = stages.size();
        String[] programs = new String[n];
        for (int i = 0; i < n; i++) {
            programs[i] = ProcessSupport.findProgram(ps, stages.get(i)[0], node);
        }
        String dir = cwd != null ? cwd : ps.cwd;
        // A script's process is where the script is (chdir() moves both); an embedded context's may be elsewhere.
        boolean chdir = cwd != null || !context.processMode && !dir.equals(realCwd(posix));
        int[] pids = new int[n];
        int started = 0;
        int fromPrevious = -1; // the read end of the pipe from the program before
        try {
            for (int i = 0; i < n; i++) {
                int[] toNext = i < n - 1 ? posix.pipeCloexec() : null;
                try {
                    Stdio in = i == 0 ? stdio[0] : new Stdio(fromPrevious, false);
                    Stdio out = toNext != null ? new Stdio(toNext[1], false) : stdio[1];
                    Integer group = pgroup != null && pgroup == 0 && i > 0 ? Integer.valueOf(pids[0]) : pgroup;
                    pids[i] = posix.spawn(spec(programs[i], stages.get(i), new Stdio[]{in, out, stdio[2]}, group, chdir ? dir : null, ps));
                    started++;
                } finally {
                    posix.closeQuietly(fromPrevious);
                    fromPrevious = -1;
                    if (toNext != null) {
                        posix.closeQuietly(toNext[1]);
                        fromPrevious = toNext[0];
                    }
                }
            }
            return pids;
        } catch (PosixException e) {
            posix.closeQuietly(fromPrevious);
            for (int i = 0; i < started; i++) {
                try {
                    posix.kill(pids[i], Posix.SIGKILL);
                    posix.waitpid(pids[i], 0);
                } catch (PosixException gone) {
                    // reaped already
                }
            }
            throw Errors.osError(e, node);
        }
    }

    private SpawnSpec spec(String program, String[] argv, Stdio[] io, Integer group, String dir, ProcessState ps) {
        SpawnSpec spec = new SpawnSpec();
        spec.path = program;
        spec.argv = argv;
        spec.env = env != null ? env : ps.environmentArray();
        spec.keepFds = passFds; // and none of the script's other fds, nor the runtime's
        // A stdio source that is itself 0-2 and is replaced first is copied out of the way, above every fd in play.
        int above = Math.max(2, passFds.isEmpty() ? 2 : passFds.last());
        for (Stdio s : io) {
            above = Math.max(above, s.fd());
        }
        int spare = above + 1;
        int[] source = new int[3];
        List<Integer> temporaries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            source[i] = io[i].fd();
            if (source[i] >= 0 && source[i] < i && io[source[i]] != Stdio.INHERIT) {
                spec.actions.add(new SpawnSpec.Dup2(source[i], spare));
                temporaries.add(spare);
                source[i] = spare++;
            }
        }
        for (int i = 0; i < 3; i++) {
            if (io[i].devNull()) {
                spec.actions.add(new SpawnSpec.Open(i, "/dev/null", i == 0 ? Posix.O_RDONLY : Posix.O_WRONLY, 0));
            } else if (io[i].fd() >= 0) {
                spec.actions.add(new SpawnSpec.Dup2(source[i], i));
            }
        }
        if (dir != null) {
            spec.actions.add(new SpawnSpec.Chdir(dir));
        }
        for (int fd : temporaries) {
            spec.actions.add(new SpawnSpec.Close(fd));
        }
        spec.pgroup = group;
        spec.defaultSignals = ps.defaultSignals();
        spec.signalMask = new int[0];
        return spec;
    }

    /** The process's working directory, or null when it is gone. */
    private static String realCwd(Posix posix) {
        try {
            return posix.getcwd();
        } catch (PosixException e) {
            return null;
        }
    }
}
