package dev.tine.stdlib;

import java.util.concurrent.ConcurrentHashMap;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.ThreadLocalAction;
import com.oracle.truffle.api.TruffleLanguage.Env;

import dev.tine.runtime.TineFunction;

/**
 * Script signal handlers. The JVM catches the signal (sun.misc.Signal, on its signal dispatcher
 * thread); the handler then runs on the script's thread as a Truffle thread-local action, at the
 * next safepoint: after a call returns or while a Tine built-in waits. Signal dispositions are
 * process-wide, so the last context that sets a handler for a signal gets it.
 */
final class Signals {
    private Signals() {
    }

    private record Registration(Env env, Thread thread, TineFunction handler) {
    }

    private static final ConcurrentHashMap<Integer, Registration> HANDLERS = new ConcurrentHashMap<>();

    /**
     * Under -Xrs the JVM has no signal dispatcher thread: sun.misc.Signal accepts a handler for
     * SIGUSR1 but never calls it. Then signal() with a function must fail instead.
     */
    static final boolean REDUCED_SIGNALS = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-Xrs");

    /** Installs a handler; false when the JVM refuses the signal (it uses SIGQUIT, SIGKILL, SIGSTOP, ...). */
    @TruffleBoundary
    static boolean install(int sig, String name, Env env, Thread thread, TineFunction handler) {
        if (REDUCED_SIGNALS) {
            return false;
        }
        Registration previous = HANDLERS.put(sig, new Registration(env, thread, handler));
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(name), Signals::dispatch);
            return true;
        } catch (IllegalArgumentException e) {
            if (previous == null) {
                HANDLERS.remove(sig);
            } else {
                HANDLERS.put(sig, previous);
            }
            return false;
        }
    }

    /** Forgets the handler; the caller sets the native disposition. */
    static void remove(int sig) {
        HANDLERS.remove(sig);
    }

    private static void dispatch(sun.misc.Signal signal) {
        int sig = signal.getNumber();
        Registration r = HANDLERS.get(sig);
        if (r == null) {
            return;
        }
        try {
            r.env.submitThreadLocal(new Thread[]{r.thread}, new HandlerAction(r.handler, sig));
        } catch (IllegalStateException | IllegalArgumentException e) {
            // the context is closed or the thread is gone: nobody to run it
        }
    }

    /** Runs the script's handler on the script's thread: handler(sig), or handler() if it takes none. */
    private static final class HandlerAction extends ThreadLocalAction {
        private final TineFunction handler;
        private final int sig;

        HandlerAction(TineFunction handler, int sig) {
            super(true, false);
            this.handler = handler;
            this.sig = sig;
        }

        @Override
        protected void perform(Access access) {
            if (handler.acceptsArity(1)) {
                handler.target.call(handler, (long) sig);
            } else {
                handler.target.call(handler);
            }
        }
    }
}
