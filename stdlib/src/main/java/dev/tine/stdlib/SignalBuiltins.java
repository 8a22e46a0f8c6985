package dev.tine.stdlib;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.NodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.tine.TineContext;
import dev.tine.TineOptions;
import dev.tine.builtins.Builtin;
import dev.tine.builtins.BuiltinNode;
import dev.tine.builtins.BuiltinProvider;
import dev.tine.runtime.Errors;
import dev.tine.runtime.Printer;
import dev.tine.runtime.ScriptSignals;
import dev.tine.runtime.ProcessState;
import dev.tine.runtime.TineFunction;
import dev.tine.runtime.TineNull;
import dev.tine.posix.Posix;
import dev.tine.posix.PosixException;

/**
 * signal(sig, handler) and the signal constants with the host's numbers. "ignore" and "default"
 * are real SIG_IGN / SIG_DFL (sigaction), so programs the script starts inherit an ignored
 * signal; a function handler is caught by the context's Posix and run on the script's thread
 * (see ScriptSignals). SIGKILL and SIGSTOP cannot be caught (EINVAL). A script that the tine
 * command runs, and a fork child, have their signals held (./tine, HeldSignals): every other
 * signal can be handled, and acts by its default disposition when it is not.
 */
public final class SignalBuiltins implements BuiltinProvider {
    @Override
    public List<? extends NodeFactory<? extends BuiltinNode>> factories() {
        return SignalBuiltinsFactory.getFactories();
    }

    static final String[] NAMES = {"SIGHUP", "SIGINT", "SIGQUIT", "SIGKILL", "SIGUSR1", "SIGUSR2", "SIGPIPE", "SIGALRM",
                    "SIGTERM", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP"};

    @Override
    public Map<String, Object> constants() {
        Map<String, Object> c = new LinkedHashMap<>();
        for (String name : NAMES) {
            c.put(name, (long) jnr.constants.platform.Signal.valueOf(name).intValue());
        }
        return c;
    }

    /**
     * The tine command behaves as a POSIX process. A signal ignored when it started (nohup,
     * background jobs) is the script's "ignore" until the script changes it, so the programs it
     * starts keep it ignored too. With its signals held, delivery starts now; in the REPL, which
     * keeps the JVM's signal handling, SIGHUP, SIGINT and SIGTERM at least kill it instead of
     * running the JVM's shutdown hooks and exiting with 128 + n.
     */
    @Override
    public void initializeContext(TineContext context) {
        if (!context.processMode || context.env.getOptions().get(TineOptions.ForkReadyFd) >= 0) {
            return; // an embedding host keeps its own signal handling; a fork child takes its parent's once resumed
        }
        Posix posix = context.posix;
        long ignored = ignoredAtStart();
        for (int sig = 1; sig <= Posix.MAX_SIGNAL; sig++) {
            boolean libc = sig >= Posix.LIBC_SIGNAL_FIRST && sig <= Posix.LIBC_SIGNAL_LAST;
            if (!libc && (ignored & (1L << (sig - 1))) != 0) {
                context.process.signalHandlers.put(sig, "ignore");
            }
        }
        if (posix.signalsHeld()) {
            context.process.unsetenv(SUSPEND_SIGNAL_VARIABLE); // ./tine's, for this JVM only
            try {
                posix.startSignalDelivery();
            } catch (PosixException e) {
                throw new IllegalStateException("tine cannot take signals: " + e.getMessage(), e);
            }
        } else {
            Posix.dropJvmHandlers("HUP", "INT", "TERM");
        }
    }

    /** The signals this process has at SIG_IGN, as /proc says (one read instead of a sigaction per signal at start). */
    private static long ignoredAtStart() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    return Long.parseUnsignedLong(line.substring(7).trim(), 16);
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            // no /proc: nothing known to be ignored
        }
        return 0;
    }

    /** Moves HotSpot's thread suspension off SIGUSR2 where signals are held. */
    private static final String SUSPEND_SIGNAL_VARIABLE = "_JAVA_SR_SIGNUM";

    /** "SIGTERM" for 15, or null for a number the host does not name. */
    @TruffleBoundary
    static String signalName(int sig) {
        jnr.constants.platform.Signal s = jnr.constants.platform.Signal.valueOf(sig);
        return s == null || !s.defined() || s.name().startsWith("__") ? null : s.name();
    }

    @Builtin(name = "signal", process = true, rehearsable = true)
    @GenerateNodeFactory
    abstract static class SignalBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected Object setDisposition(long sigArg, String disposition) {
            int sig = checkSignal(sigArg);
            int how = switch (disposition) {
                case "default" -> Posix.SIG_DFL;
                case "ignore" -> Posix.SIG_IGN;
                default -> throw Errors.valueError("signal() handler must be a function, \"default\" or \"ignore\", not "
                                + Printer.quote(disposition), this);
            };
            ProcessState ps = context().process;
            try {
                context().posix.setSignalDisposition(sig, how);
            } catch (PosixException e) {
                throw ProcessSupport.osError(e.errno, "signal: cannot set the disposition of " + describe(sig) + ": "
                                + Posix.strerror(e.errno), this);
            }
            ScriptSignals.remove(context(), sig);
            if (how == Posix.SIG_IGN) {
                ps.signalHandlers.put(sig, "ignore");
            } else {
                ps.signalHandlers.remove(sig);
            }
            return TineNull.INSTANCE;
        }

        @Specialization
        @TruffleBoundary
        protected Object setHandler(long sigArg, TineFunction handler) {
            int sig = checkSignal(sigArg);
            if (!handler.acceptsArity(1) && !handler.acceptsArity(0)) {
                throw Errors.typeError("signal() handler must take the signal number or nothing", this);
            }
            String name = signalName(sig);
            if (sig == sigNumber("SIGKILL") || sig == sigNumber("SIGSTOP")) {
                throw ProcessSupport.osError(Posix.EINVAL, "signal: " + name + " cannot be caught", this);
            }
            if (name == null || !ScriptSignals.install(context(), sig, handler)) {
                throw Errors.valueError("signal: " + describe(sig) + " cannot be handled by a Tine function: " + (!context().posix.canCatchSignals()
                                ? "the Java VM runs with -Xrs, which removes its signal dispatcher" : "the Java VM reserves it"), this);
            }
            context().process.signalHandlers.put(sig, handler);
            return TineNull.INSTANCE;
        }

        private int checkSignal(long sigArg) {
            if (sigArg < 1 || sigArg > Posix.MAX_SIGNAL) {
                throw ProcessSupport.osError(Posix.EINVAL, "signal: invalid signal number " + sigArg, this);
            }
            if (sigArg >= Posix.LIBC_SIGNAL_FIRST && sigArg <= Posix.LIBC_SIGNAL_LAST) {
                throw ProcessSupport.osError(Posix.EINVAL, "signal: signal " + sigArg + " is reserved by the C library", this);
            }
            return (int) sigArg;
        }

        @Fallback
        protected Object wrong(Object sig, Object handler) {
            throw ArgErrors.expected(this, "a signal number and a function, \"default\" or \"ignore\"", sig, handler);
        }
    }

    static int sigNumber(String name) {
        return jnr.constants.platform.Signal.valueOf(name).intValue();
    }

    static String describe(int sig) {
        String name = signalName(sig);
        return name == null ? "signal " + sig : name;
    }
}
