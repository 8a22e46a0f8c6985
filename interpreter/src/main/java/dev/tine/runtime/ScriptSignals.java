package dev.tine.runtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

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
    /** How many times each signal has been handed to its handler's thread (see awaitOwn). */
    private static final AtomicLongArray DISPATCHED = new AtomicLongArray(Posix.MAX_SIGNAL + 1);
    private static final long OWN_SIGNAL_WAIT_NANOS = 1_000_000_000L;

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

    /** A count to give {@link #awaitOwn}, taken before the kill. */
    public static long dispatched(int sig) {
        return DISPATCHED.get(sig);
    }

    /**
     * After kill() of the caller's own process: as POSIX says, the signal acts before kill()
     * returns. The handler runs as kill() returns, once the signal thread has handed it over; a signal whose
     * default action ends the process ends it here. Bounded: a signal that does not come back
     * (blocked by another process's rules) lets kill() return after a second.
     */
    @TruffleBoundary
    public static void awaitOwn(TineContext context, int sig, long before) {
        Object disposition = context.process.signalHandlers.get(sig);
        boolean handled = disposition instanceof TineFunction;
        if (!handled && !(disposition == null && context.posix.signalsHeld() && endsTheProcess(sig))) {
            return;
        }
        long deadline = System.nanoTime() + OWN_SIGNAL_WAIT_NANOS;
        while (!(handled && DISPATCHED.get(sig) != before) && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(100_000);
        }
        // The handler is this thread's pending action now: it runs as kill() returns, as after any
        // call, so that code it forks resumes right after the kill() call.
    }

    /** Whether sig's default action ends the process (not: ignore, stop, continue). */
    private static boolean endsTheProcess(int sig) {
        for (String name : new String[]{"SIGCHLD", "SIGURG", "SIGWINCH", "SIGCONT", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGSTOP"}) {
            if (jnr.constants.platform.Signal.valueOf(name).intValue() == sig) {
                return false;
            }
        }
        return true;
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
        DISPATCHED.incrementAndGet(sig);
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
