package dev.tine.fork;

/**
 * Signals that reach a fork child while its JVM starts. A POSIX child has its parent's handlers
 * from the first instant; this child has them only once it has resumed. So it is started with
 * its signals held: blocked in its every thread by the spawn's mask (Posix.heldSignals), and the
 * JVM run with -Xrs so that it takes none of them (it would turn SIGTERM into a Java shutdown).
 * They wait, pending; once the script's handlers are back the child delivers them itself
 * (Posix.startSignalDelivery, dev.tine.posix.HeldSignals), and each meets the child as it would
 * have met a POSIX child: a handler, or its disposition.
 */
final class ChildSignals {
    private ChildSignals() {
    }

    /** What the child's JVM is started with (besides its parent's flags). */
    static final String[] JVM_FLAGS = {"-Xrs", "-Dtine.signalsHeld=true"};

    /**
     * HotSpot suspends threads with SIGUSR2 unless told another signal: the child gives it the
     * last real-time one, so that a script's SIGUSR2 handler works there too.
     */
    static final String SUSPEND_SIGNAL = "_JAVA_SR_SIGNUM=64";

}
