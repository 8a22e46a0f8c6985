package dev.tine.fork;

import java.util.ArrayList;
import java.util.List;

import jnr.constants.platform.Signal;

import dev.tine.posix.Posix;
import dev.tine.posix.PosixException;

/**
 * Signals that reach a fork child while its JVM starts. A POSIX child has its parent's handlers
 * from the first instant; this child has them only once it has resumed. So it starts with the
 * signals it can hold blocked: they wait, pending, and once the script's handlers are back it
 * unblocks them, and each meets the child as it would have met a POSIX child (a handler, or its
 * default action). The JVM keeps its own signals, and unblocks SIGHUP, SIGINT and SIGTERM for
 * itself: those act as soon as ForkChildMain has handed them back to SIG_DFL (before that, for the
 * few milliseconds of the JVM's start between its handler and ForkChildMain, such a signal ends
 * the child through the JVM's shutdown, with status 128 + n).
 */
final class ChildSignals {
    private ChildSignals() {
    }

    /** The JVM's own: its synchronous signals, its thread dumps and thread suspension. */
    private static final String[] NEVER_HELD = {"SIGKILL", "SIGSTOP", "SIGSEGV", "SIGBUS", "SIGFPE", "SIGILL", "SIGTRAP", "SIGSYS",
                    "SIGQUIT", "SIGUSR2"};

    /** The signals the child starts with blocked (posix_spawn's signal mask); never glibc's own. */
    static int[] heldAtStart() {
        List<Integer> held = new ArrayList<>();
        for (int sig = 1; sig <= Posix.MAX_SIGNAL; sig++) {
            if (sig < Posix.LIBC_SIGNAL_FIRST || sig > Posix.LIBC_SIGNAL_LAST) {
                held.add(sig);
            }
        }
        for (String name : NEVER_HELD) {
            held.remove(Integer.valueOf(Signal.valueOf(name).intValue()));
        }
        return held.stream().mapToInt(Integer::intValue).toArray();
    }

    /** In the child, once its handlers are back: nothing is held any more (on the script's thread, which then receives them). */
    static void release(Posix posix) throws PosixException {
        posix.unblockAllSignals();
    }
}
