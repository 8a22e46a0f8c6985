package dev.tine.stdlib;

import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;

import dev.tine.TineContext;
import dev.tine.TineOptions;
import dev.tine.fork.Spare;
import dev.tine.runtime.Errors;
import dev.tine.runtime.ProcessState;
import dev.tine.posix.Posix;
import dev.tine.posix.PosixException;

/**
 * exec and execp: a real execve from the script's thread. Right before it, the script's output
 * is flushed, every fd that is not the script's is marked close-on-exec (and the script's are
 * cleared of it), the working directory is the script's, every signal the script did not ignore
 * is at SIG_DFL, and the thread's signal mask is empty. When execve fails, all of that is put
 * back and an OSError is thrown.
 */
final class Exec {
    private Exec() {
    }


    @TruffleBoundary
    static void checkAllowed(TineContext context, String builtin, Node node) {
        if (!context.processMode && !context.env.getOptions().get(TineOptions.AllowExec)) {
            throw Errors.error("SecurityError", builtin + "() would replace the host process: it needs the tine command, "
                            + "or a context built with the option tine.AllowExec=true", node);
        }
    }

    @TruffleBoundary
    static void exec(String file, boolean searchPath, String[] argv, String[] env, TineContext context, Node node) {
        ProcessState ps = context.process;
        Posix posix = context.posix;
        // The PATH search is done first, so that one execve is tried with the signals unblocked: in
        // a fork child a handled signal that came in that window would take its default action.
        List<String> candidates = List.of(searchPath ? ProcessSupport.findProgram(ps, file, node) : file);
        context.flush();
        Undo undo = new Undo();
        PosixException failure = null;
        try {
            if (context.rehearsal == null) { // a fork rehearsal's execve only records: nothing to prepare
                Spare.retire(context); // the program must not find fork's spare among its children
                undo.prepare(ps, posix);
            }
            boolean denied = false;
            for (String path : candidates) {
                try {
                    posix.execve(path, argv, env);
                } catch (PosixException e) {
                    if (e.errno == Posix.ENOEXEC && searchPath) {
                        // as execvp: a file without a #! line is a shell script
                        String[] shArgv = new String[argv.length + 1];
                        shArgv[0] = "/bin/sh";
                        shArgv[1] = path;
                        System.arraycopy(argv, 1, shArgv, 2, argv.length - 1);
                        try {
                            posix.execve("/bin/sh", shArgv, env);
                        } catch (PosixException e2) {
                            // report the Posix.ENOEXEC of the file itself
                        }
                        failure = e;
                        break;
                    }
                    failure = e;
                    if (e.errno == Posix.EACCES) {
                        denied = true;
                    } else if (e.errno != Posix.ENOENT && e.errno != Posix.ENOTDIR && e.errno != Posix.ESTALE && e.errno != Posix.ENODEV && e.errno != Posix.ETIMEDOUT) {
                        break;
                    }
                    if (!searchPath) {
                        break;
                    }
                }
            }
            if (failure == null) {
                failure = new PosixException(Posix.ENOENT, Posix.strerror(Posix.ENOENT));
            } else if (denied && (failure.errno == Posix.ENOENT || failure.errno == Posix.ENOTDIR)) {
                failure = new PosixException(Posix.EACCES, Posix.strerror(Posix.EACCES));
            }
        } catch (PosixException e) {
            failure = e; // the preparation itself failed
        } finally {
            undo.restore(posix);
        }
        throw ProcessSupport.osError(failure.errno, Posix.strerror(failure.errno) + ": " + file, node);
    }

    /** What exec changed in this process, to put back when execve fails. */
    private static final class Undo {
        private final List<int[]> fdFlags = new ArrayList<>();
        private final List<Object[]> signalActions = new ArrayList<>();
        private byte[] signalMask;
        private String cwd;

        void prepare(ProcessState ps, Posix posix) throws PosixException {
            String real;
            try {
                real = posix.getcwd();
            } catch (PosixException e) {
                real = null; // deleted: nothing to come back to
            }
            if (!ps.cwd.equals(real)) {
                posix.chdir(ps.cwd);
                cwd = real;
            }
            for (int fd : posix.openFds()) {
                int flags;
                try {
                    flags = posix.getFdFlags(fd);
                } catch (PosixException e) {
                    continue; // the directory fd of the listing, closed since
                }
                boolean script = ps.scriptFds.contains(fd);
                boolean cloexec = (flags & Posix.FD_CLOEXEC) != 0;
                if (script == cloexec) {
                    try {
                        posix.setFdFlags(fd, script ? flags & ~Posix.FD_CLOEXEC : flags | Posix.FD_CLOEXEC);
                        fdFlags.add(new int[]{fd, flags});
                    } catch (PosixException e) {
                        // closed meanwhile by another thread of the runtime
                    }
                }
            }
            for (int sig = 1; sig <= Posix.MAX_SIGNAL; sig++) {
                if ("ignore".equals(ps.signalHandlers.get(sig))) {
                    continue;
                }
                try {
                    if (posix.signalDisposition(sig) == Posix.SIG_IGN) {
                        signalActions.add(new Object[]{sig, posix.setSignalDisposition(sig, Posix.SIG_DFL)});
                    }
                } catch (PosixException e) {
                    // glibc's internal signals: not ours to change
                }
            }
            // A write that met a closed pipe (or the file size limit) left SIGPIPE (SIGXFSZ) pending on this
            // thread, which holds it (HeldSignals): the program must not start with it. SIG_IGN, even for
            // an instant, drops it.
            for (int sig : new int[]{Posix.SIGPIPE, Posix.SIGXFSZ}) {
                posix.restoreSignalAction(sig, posix.setSignalDisposition(sig, Posix.SIG_IGN));
            }
            signalMask = posix.unblockAllSignals();
        }

        void restore(Posix posix) {
            try {
                if (signalMask != null) {
                    posix.restoreSignalMask(signalMask);
                }
                for (Object[] a : signalActions) {
                    posix.restoreSignalAction((Integer) a[0], (byte[]) a[1]);
                }
            } catch (PosixException e) {
                // what was saved is valid: putting it back does not fail
            }
            for (int[] f : fdFlags) {
                try {
                    posix.setFdFlags(f[0], f[1]);
                } catch (PosixException e) {
                    // closed meanwhile by another thread
                }
            }
            if (cwd != null) {
                try {
                    posix.chdir(cwd);
                } catch (PosixException e) {
                    // the old directory is gone
                }
            }
        }
    }
}
