package dev.tine.stdlib;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
 * spawn's work, shared with run: parse the options, find the program on the script's PATH and
 * start it with posix_spawn, so that it sees fds 0-2 and the script's fds only, every signal at
 * SIG_DFL except those the script ignores, and an empty signal mask.
 *
 * Beyond LANGUAGE.md: the option "close" (a list of script fds) keeps those from the child. A child
 * that reads a pipe must not hold the pipe's write end, or it never sees end of file; C code marks
 * such an fd close-on-exec, a Tine script names it in "close".
 */
final class Spawner {
    /** How the child's stdin, stdout or stderr is set up: inherit, an fd, or /dev/null. */
    record Stdio(int fd, boolean devNull) {
        static final Stdio INHERIT = new Stdio(-1, false);
        static final Stdio NULL = new Stdio(-1, true);
    }

    String[] argv;
    /** null: the script's environment. */
    String[] env;
    /** null: the script's working directory. */
    String cwd;
    final Stdio[] stdio = {Stdio.INHERIT, Stdio.INHERIT, Stdio.INHERIT};
    /** null: the script's process group. */
    Integer pgroup;
    /** Script fds the child must not inherit (the "close" option), e.g. the parent's end of a pipe. */
    final List<Integer> close = new ArrayList<>();

    static final Set<String> SPAWN_OPTIONS = Set.of("env", "cwd", "stdin", "stdout", "stderr", "pgroup", "close");
    static final Set<String> RUN_OPTIONS = Set.of("env", "cwd", "stdin", "stdout", "stderr", "pgroup", "close", "input", "timeout", "check");

    /** Reads argv and the spawn options of opts (a map, or absent); run's own options are left to the caller. */
    @TruffleBoundary
    static Spawner parse(Object argvArg, Object opts, String builtin, Set<String> allowed, TineContext context, Node node) {
        Spawner s = new Spawner();
        s.argv = ProcessSupport.argv(argvArg, builtin, node);
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
        if ((v = option(map, "close")) != null) {
            if (!(v instanceof TineList list)) {
                throw Errors.typeError(builtin + "() close must be a list of fds, not " + TypeNames.of(v), node);
            }
            for (Object fd : list.items) {
                s.close.add(ProcessSupport.scriptFd(context.process, fd, node));
            }
        }
        return s;
    }

    /** The option's value; null when absent or null. */
    static Object option(TineMap map, String key) {
        Object v = map.get(key);
        return v == null || v == TineNull.INSTANCE ? null : v;
    }

    /** Flushes the script's output and starts the program; returns its pid. */
    @TruffleBoundary
    int start(TineContext context, Node node) {
        context.flush();
        ProcessState ps = context.process;
        Posix posix = context.posix;
        String program = ProcessSupport.findProgram(ps, argv[0], node);
        SpawnSpec spec = new SpawnSpec();
        spec.path = program;
        spec.argv = argv;
        spec.env = env != null ? env : ps.environmentArray();
        try {
            spec.keepFds = ps.scriptFds; // and none of the runtime's
            // A stdio source that is itself 0-2 and is replaced first is copied out of the way.
            int spare = 1 + (ps.scriptFds.isEmpty() ? 2 : Math.max(2, ps.scriptFds.last())); // above every kept fd (a runtime fd there is the child's copy, closed at exec)
            int[] source = new int[3];
            List<Integer> temporaries = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                source[i] = stdio[i].fd();
                if (source[i] >= 0 && source[i] < i) {
                    // fd source[i] (< i) has been replaced by then: use a copy made before
                    boolean replacedEarlier = stdio[source[i]] != Stdio.INHERIT;
                    if (replacedEarlier) {
                        spec.actions.add(new SpawnSpec.Dup2(source[i], spare));
                        temporaries.add(spare);
                        source[i] = spare++;
                    }
                }
            }
            for (int i = 0; i < 3; i++) {
                if (stdio[i].devNull()) {
                    spec.actions.add(new SpawnSpec.Open(i, "/dev/null", i == 0 ? Posix.O_RDONLY : Posix.O_WRONLY, 0));
                } else if (source[i] >= 0) {
                    spec.actions.add(new SpawnSpec.Dup2(source[i], i));
                }
            }
            String dir = cwd != null ? cwd : ps.cwd;
            if (cwd != null || !dir.equals(realCwd(posix))) {
                spec.actions.add(new SpawnSpec.Chdir(dir));
            }
            for (int fd : temporaries) {
                spec.actions.add(new SpawnSpec.Close(fd));
            }
            for (int fd : close) {
                if (fd > 2) { // 0-2 are the child's stdio, set above
                    spec.actions.add(new SpawnSpec.Close(fd));
                }
            }
            spec.pgroup = pgroup;
            spec.defaultSignals = ps.defaultSignals();
            spec.signalMask = new int[0];
            return posix.spawn(spec);
        } catch (PosixException e) {
            throw Errors.osError(e, node);
        }
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
