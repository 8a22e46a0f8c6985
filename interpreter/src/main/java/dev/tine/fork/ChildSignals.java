package dev.tine.fork;

import dev.tine.posix.Posix;
import dev.tine.posix.PosixException;

/**
 * Signals that reach a fork child while its JVM starts. A POSIX child has its parent's handlers
 * from the first instant; this child has them only once it has resumed. So it is started with
 * its signals held: blocked in its every thread by the spawn's mask, and the JVM run with -Xrs so
 * that it takes none of them (it would turn SIGTERM into a Java shutdown). They wait, pending; once
 * the script's handlers are back the child starts delivering them (dev.tine.posix.HeldSignals),
 * and each meets the child as it would have met a POSIX child: a handler, or its disposition.
 */
final class ChildSignals {
    private ChildSignals() {
    }

    /** What the child's JVM is started with (besides its parent's flags). */
    static final String[] JVM_FLAGS = {"-Xrs", "-Dtine.signalsHeld=true"};

    /** The signals the child starts with blocked (posix_spawn's signal mask). */
    static int[] heldAtStart() {
        return Posix.heldSignals();
    }

    /** In the child, once its handlers are back: the signals held since the spawn are delivered. */
    static void release(Posix posix) throws PosixException {
        posix.startSignalDelivery();
    }
}
