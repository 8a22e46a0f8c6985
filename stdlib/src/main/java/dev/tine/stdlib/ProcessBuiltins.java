package dev.tine.stdlib;

import java.util.List;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.NodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.tine.builtins.Builtin;
import dev.tine.builtins.BuiltinNode;
import dev.tine.builtins.BuiltinProvider;
import dev.tine.builtins.NoArg;
import dev.tine.runtime.Errors;
import dev.tine.runtime.ScriptSignals;
import dev.tine.runtime.TineList;
import dev.tine.runtime.TineMap;
import dev.tine.runtime.TineNull;
import dev.tine.posix.Blocking;
import dev.tine.posix.Posix;
import dev.tine.posix.PosixException;

/**
 * exec, execp, wait, waitpid, exit, getpid, getppid, kill, spawn, run, setpgid, getpgrp, setsid
 * and WNOHANG. fork() is elsewhere (the snapshot machinery).
 */
public final class ProcessBuiltins implements BuiltinProvider {
    @Override
    public List<? extends NodeFactory<? extends BuiltinNode>> factories() {
        return ProcessBuiltinsFactory.getFactories();
    }

    @Override
    public Map<String, Object> constants() {
        return Map.of("WNOHANG", (long) Posix.WNOHANG);
    }

    @Builtin(name = "exec", minArgs = 2, process = true, rehearsable = true)
    @GenerateNodeFactory
    abstract static class ExecBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected Object exec(Object path, Object argv, Object env) {
            return doExec(this, "exec", false, path, argv, env);
        }
    }

    @Builtin(name = "execp", minArgs = 2, process = true, rehearsable = true)
    @GenerateNodeFactory
    abstract static class ExecpBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected Object execp(Object file, Object argv, Object env) {
            return doExec(this, "execp", true, file, argv, env);
        }
    }

    static Object doExec(BuiltinNode node, String builtin, boolean search, Object pathArg, Object argvArg, Object envArg) {
        if (!(pathArg instanceof String)) {
            throw ArgErrors.expected(node, "a path, an argv list and an optional env map", pathArg, argvArg, envArg);
        }
        String path = ProcessSupport.string(pathArg, builtin + "() path", node);
        String[] argv = ProcessSupport.argv(argvArg, builtin + "() argv", node);
        String[] env = envArg == NoArg.INSTANCE || envArg == TineNull.INSTANCE ? node.context().process.environmentArray()
                        : ProcessSupport.envArray(envArg, builtin, node);
        Exec.checkAllowed(node.context(), builtin, node);
        Exec.exec(path, search, argv, env, node.context(), node);
        throw CompilerDirectives.shouldNotReachHere();
    }

    @Builtin(name = "wait", process = true, restartable = true)
    @GenerateNodeFactory
    abstract static class WaitBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected Object waitAny() {
            try {
                int[] r = Blocking.waitpid(this, -1, 0);
                return ProcessSupport.statusMap(r[0], r[1]);
            } catch (PosixException e) {
                throw Errors.osError(e, this);
            }
        }
    }

    @Builtin(name = "waitpid", minArgs = 1, process = true, restartable = true)
    @GenerateNodeFactory
    abstract static class WaitpidBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected Object waitpid(long pidArg, Object optionsArg) {
            int pid = ProcessSupport.cInt(pidArg, "pid", this);
            int options = optionsArg == NoArg.INSTANCE ? 0 : ProcessSupport.cInt(optionsArg, "waitpid() options", this);
            try {
                int[] r = Blocking.waitpid(this, pid, options);
                return r == null ? TineNull.INSTANCE : ProcessSupport.statusMap(r[0], r[1]);
            } catch (PosixException e) {
                throw Errors.osError(e, this);
            }
        }

        @Fallback
        protected Object wrong(Object pid, Object options) {
            throw ArgErrors.expected(this, "a pid and optional WNOHANG", pid, options);
        }
    }

    @Builtin(name = "exit", minArgs = 0)
    @GenerateNodeFactory
    abstract static class ExitBuiltin extends BuiltinNode {
        @Specialization
        protected Object exitZero(@SuppressWarnings("unused") NoArg code) {
            return exit(0);
        }

        @Specialization
        protected Object exitCode(long code) {
            if (code < Integer.MIN_VALUE || code > Integer.MAX_VALUE) {
                throw Errors.valueError("exit code out of range: " + code, this);
            }
            return exit((int) code);
        }

        @TruffleBoundary
        private Object exit(int code) {
            context().flush();
            context().env.getContext().closeExited(this, code);
            throw CompilerDirectives.shouldNotReachHere();
        }

        @Fallback
        protected Object wrong(Object code) {
            throw ArgErrors.expected(this, "an int status", code);
        }
    }

    @Builtin(name = "getpid")
    @GenerateNodeFactory
    abstract static class GetpidBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected long getpid() {
            return context().posix.getpid();
        }
    }

    @Builtin(name = "getppid", rehearsable = true)
    @GenerateNodeFactory
    abstract static class GetppidBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected long getppid() {
            return context().posix.getppid();
        }
    }

    @Builtin(name = "kill", process = true)
    @GenerateNodeFactory
    abstract static class KillBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected Object kill(long pidArg, long sigArg) {
            int pid = ProcessSupport.cInt(pidArg, "pid", this);
            int sig = ProcessSupport.cInt(sigArg, "signal", this);
            Posix posix = context().posix;
            try {
                boolean own = sig > 0 && sig <= Posix.MAX_SIGNAL && (pid == 0 || pid == -1 || pid == posix.getpid() || pid < -1 && -pid == posix.getpgrp());
                long before = own ? ScriptSignals.dispatched(sig) : 0;
                context().flush(); // the signal may end this process, or one that shares its output
                posix.kill(pid, sig);
                if (own) {
                    ScriptSignals.awaitOwn(context(), sig, before); // it acts before kill() returns, as POSIX says
                }
                return TineNull.INSTANCE;
            } catch (PosixException e) {
                throw Errors.osError(e, this);
            }
        }

        @Fallback
        protected Object wrong(Object pid, Object sig) {
            throw ArgErrors.expected(this, "a pid and a signal number", pid, sig);
        }
    }

    @Builtin(name = "spawn", minArgs = 1, process = true)
    @GenerateNodeFactory
    abstract static class SpawnBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected Object spawn(Object argv, Object opts) {
            Spawner spawner = Spawner.parse(argv, opts, "spawn", Spawner.SPAWN_OPTIONS, context(), this);
            int[] pids = spawner.start(context(), this);
            if (!spawner.pipeline) {
                return (long) pids[0];
            }
            TineList list = new TineList();
            for (int pid : pids) {
                list.add((long) pid);
            }
            return list;
        }
    }

    @Builtin(name = "run", minArgs = 1, process = true)
    @GenerateNodeFactory
    abstract static class RunBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected TineMap run(Object argv, Object opts) {
            return Runner.run(argv, opts, context(), this);
        }
    }

    @Builtin(name = "setpgid", process = true, rehearsable = true)
    @GenerateNodeFactory
    abstract static class SetpgidBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected Object setpgid(long pid, long pgid) {
            try {
                context().posix.setpgid(ProcessSupport.cInt(pid, "pid", this), ProcessSupport.cInt(pgid, "pgid", this));
                return TineNull.INSTANCE;
            } catch (PosixException e) {
                throw Errors.osError(e, this);
            }
        }

        @Fallback
        protected Object wrong(Object pid, Object pgid) {
            throw ArgErrors.expected(this, "(pid, pgid)", pid, pgid);
        }
    }

    @Builtin(name = "getpgrp", process = true, rehearsable = true)
    @GenerateNodeFactory
    abstract static class GetpgrpBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected long getpgrp() {
            return context().posix.getpgrp();
        }
    }

    @Builtin(name = "setsid", process = true)
    @GenerateNodeFactory
    abstract static class SetsidBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected long setsid() {
            try {
                return context().posix.setsid();
            } catch (PosixException e) {
                throw Errors.osError(e, this);
            }
        }
    }
}
