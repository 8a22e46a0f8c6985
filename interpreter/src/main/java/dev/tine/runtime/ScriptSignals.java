package dev.tine.runtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.ThreadLocalAction;
import com.oracle.truffle.api.TruffleLanguage.Env;

import dev.tine.TineContext;
import dev.tine.posix.Posix;
import dev.tine.posix.PosixException;

/**
 * Script signal handlers. The context's Posix catches the signal (the JVM's signal thread, or in
 * a fork child Tine's own reader, see posix/HeldSignals); the handler then runs on the script's
 * thread as a Truffle thread-local action, at the next safepoint: after a call returns, between
 * two iterations of a loop, or while a Tine built-in waits. Signal dispositions are
 * process-wide, so the last context that sets a handler for a signal gets it.
 */
public final class ScriptSignals {
    private ScriptSignals() {
    }

    private record Registration(Env env, Thread thread, TineFunction handler, CallTarget entry) {
    }

    private static final ConcurrentHashMap<Integer, Registration> HANDLERS = new ConcurrentHashMap<>();

    /** Installs a handler run on the calling thread; false when the JVM refuses the signal. */
    @TruffleBoundary
    public static boolean install(TineContext context, int sig, TineFunction handler) {
        Registration previous = HANDLERS.put(sig, new Registration(context.env, Thread.currentThread(), handler, context.signalEntry()));
        boolean caught = false;
        try {
            caught = context.posix.catchSignal(sig, ScriptSignals::dispatch);
            return caught;
        } finally {
            if (!caught) { // refused, or the call did not return (a fork rehearsal stops there)
                if (previous == null) {
                    HANDLERS.remove(sig);
                } else {
                    HANDLERS.put(sig, previous);
                }
            }
        }
    }

    /** Forgets the handler; the caller sets the native disposition. */
    public static void remove(TineContext context, int sig) {
        HANDLERS.remove(sig);
        context.posix.releaseSignal(sig);
    }

    /**
     * Puts the script's recorded handlers (ProcessState.signalHandlers) in force in this process,
     * as a fork() child does once its state is back: function handlers are caught again on the
     * calling (script) thread, "ignore" is SIG_IGN. False for a handler this process refuses.
     */
    @TruffleBoundary
    public static boolean restore(TineContext context) throws PosixException {
        boolean all = true;
        for (Map.Entry<Integer, Object> e : context.process.signalHandlers.entrySet()) {
            if (e.getValue() instanceof TineFunction fn) {
                all &= install(context, e.getKey(), fn);
            } else if ("ignore".equals(e.getValue())) {
                context.posix.setSignalDisposition(e.getKey(), Posix.SIG_IGN);
            }
        }
        return all;
    }

    /**
     * A write met a pipe without reader: the script's SIGPIPE handler runs, as it would for a C
     * program. The kernel's SIGPIPE stays pending on the writing thread, which holds it (HeldSignals).
     */
    public static void brokenPipe(TineContext context) {
        if (context.process.signalHandlers.get(Posix.SIGPIPE) instanceof TineFunction) {
            dispatch(Posix.SIGPIPE);
        }
    }

    private static void dispatch(int sig) {
        Registration r = HANDLERS.get(sig);
        if (r == null) {
            return;
        }
        try {
            r.env.submitThreadLocal(new Thread[]{r.thread}, new HandlerAction(r.entry, r.handler, sig));
        } catch (IllegalStateException | IllegalArgumentException e) {
            // the context is closed or the thread is gone: nobody to run it
        }
    }

    /** Runs the script's handler on the script's thread, through its {@link SignalHandlerRootNode}. */
    private static final class HandlerAction extends ThreadLocalAction {
        private final CallTarget entry;
        private final TineFunction handler;
        private final int sig;

        HandlerAction(CallTarget entry, TineFunction handler, int sig) {
            super(true, false);
            this.entry = entry;
            this.handler = handler;
            this.sig = sig;
        }

        @Override
        protected void perform(Access access) {
            entry.call(handler, (long) sig, access.getLocation());
        }
    }
}
