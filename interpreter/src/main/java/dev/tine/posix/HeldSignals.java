package dev.tine.posix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;

import jnr.constants.platform.Signal;

/**
 * Signals in a process whose every thread holds them blocked from its first instruction, and whose
 * JVM runs with -Xrs, so takes none of them: a script the tine command runs (./tine) and a fork
 * child (fork/ChildSignals). None is lost or taken over by the JVM; from {@link #start} on, one
 * thread reads them all from a signalfd and gives each to the script's handler, or carries out
 * what its disposition says (ignore, or the default action, which it raises on itself with the
 * signal unblocked: the process ends, dumps core or stops as any process would).
 *
 * A signal whose default action is to do nothing (SIGCHLD above all: one per child that ends)
 * wakes the reader only while the script catches it; otherwise it stays pending, and the moment
 * the script catches it, what was pending is dropped, as the kernel drops it under SIG_DFL.
 *
 * SIGPIPE and SIGXFSZ are held too: a write to a closed pipe (or past the file size limit) leaves
 * it pending on the writing thread, where nobody reads it, and gets EPIPE (EFBIG); the script's
 * output meets EPIPE in ScriptOutput. One sent with kill reaches the reader like any other.
 */
final class HeldSignals {
    /** Started so (fork/ChildLauncher): -Xrs, and the signals blocked in the spawn's mask. */
    static final boolean ACTIVE = Boolean.getBoolean("tine.signalsHeld") && NativePosix.REDUCED_SIGNALS;

    /** Never held: those that cannot be, and the JVM's synchronous signals. */
    private static final String[] NEVER_HELD = {"SIGKILL", "SIGSTOP", "SIGSEGV", "SIGBUS", "SIGFPE", "SIGILL", "SIGTRAP", "SIGSYS"};
    /** The JVM's thread suspension signal in a held process (its _JAVA_SR_SIGNUM, set by fork/ChildSignals). */
    static final int SUSPEND_SIGNAL = 64;
    /** Signals whose default action is to do nothing (SIGCONT has already continued the process when sent). */
    private static final String[] IGNORED_BY_DEFAULT = {"SIGCHLD", "SIGURG", "SIGWINCH", "SIGCONT"};
    private static final int SIGINFO_SIZE = 128;
    private static final long START_DELAY_MILLIS = 40;
    /** What the reader's eventfd is woken with (a count of 1): to stop, or to poll its signalfd again. */
    private static final byte[] WAKE = {1, 0, 0, 0, 0, 0, 0, 0};

    /** The signals a held process blocks: all but the ones above and glibc's own. */
    static int[] held() {
        List<Integer> held = new ArrayList<>();
        for (int sig = 1; sig <= Posix.MAX_SIGNAL; sig++) {
            if (sig < Posix.LIBC_SIGNAL_FIRST || sig > Posix.LIBC_SIGNAL_LAST) {
                held.add(sig);
            }
        }
        for (String name : NEVER_HELD) {
            held.remove(Integer.valueOf(Signal.valueOf(name).intValue()));
        }
        held.remove(Integer.valueOf(SUSPEND_SIGNAL));
        return held.stream().mapToInt(Integer::intValue).toArray();
    }

    private final NativePosix posix;
    private final Set<Integer> heldSet = new java.util.HashSet<>();
    private final Map<Integer, IntConsumer> caught = new ConcurrentHashMap<>();
    private final Set<Integer> ignoredByDefault = new java.util.HashSet<>();
    private Thread reader;
    private volatile int fd = -1;
    private volatile int wake = -1;
    private volatile boolean stopping;

    HeldSignals(NativePosix posix) {
        this.posix = posix;
        for (int sig : held()) {
            heldSet.add(sig);
        }
        for (String name : IGNORED_BY_DEFAULT) {
            ignoredByDefault.add(Signal.valueOf(name).intValue());
        }
    }

    boolean catchSignal(int sig, IntConsumer onSignal) {
        if (!heldSet.contains(sig)) {
            return false;
        }
        if (caught.put(sig, onSignal) == null && ignoredByDefault.contains(sig)) {
            posix.discardPending(sig); // sent while nobody caught it: gone under SIG_DFL
            watch();
        }
        return true;
    }

    void release(int sig) {
        if (caught.remove(sig) != null && ignoredByDefault.contains(sig)) {
            watch();
        }
    }

    /** The signals the reader takes: all held but those that do nothing by default and that nobody catches. */
    private int[] watched() {
        int[] watched = new int[heldSet.size()];
        int n = 0;
        for (int sig : heldSet) {
            if (!ignoredByDefault.contains(sig) || caught.containsKey(sig)) {
                watched[n++] = sig;
            }
        }
        return Arrays.copyOf(watched, n);
    }

    /** The reader's signalfd takes watched() from now on; one that came meanwhile, pending, wakes it. */
    private synchronized void watch() {
        if (fd < 0) {
            return; // the reader makes it so
        }
        try {
            posix.signalfd(fd, watched());
            posix.write(wake, WAKE, 0, WAKE.length);
        } catch (PosixException e) {
            System.err.println("error: tine cannot take signals in this process any more: " + e.getMessage());
        }
    }

    /**
     * From now on signals are delivered; those that came meanwhile first. The reader makes its
     * signalfd itself, so that binding it costs the caller (a script's start, a child's resume) nothing.
     */
    synchronized void start() {
        if (reader == null) {
            reader = new Thread(this::run, "tine signals");
            reader.setDaemon(true);
            reader.start();
            // At exit HotSpot waits 300 ms for any thread still in native code: stop the reader first.
            Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "tine signals stop"));
        }
    }

    /** A reader not yet at its poll sees stopping and returns; only one that polls is woken and waited for. */
    private void stop() {
        stopping = true;
        int w = wake;
        if (w < 0) {
            return;
        }
        try {
            posix.write(w, WAKE, 0, WAKE.length);
            reader.join(100);
        } catch (PosixException | InterruptedException e) {
            // the process ends anyway
        }
    }

    private void run() {
        try {
            // Off the start's critical path: binding the reader's calls costs ~15 ms of CPU that a
            // short script (or a fork child's resume) would wait for on 2 cores. The signals wait, held.
            Thread.sleep(START_DELAY_MILLIS);
        } catch (InterruptedException e) {
            return;
        }
        if (stopping) {
            return;
        }
        try {
            synchronized (this) {
                wake = posix.eventfd();
                fd = posix.signalfd(-1, watched());
            }
        } catch (PosixException e) {
            System.err.println("error: tine cannot take signals in this process: " + e.getMessage());
            return;
        }
        if (!stopping) {
            read();
        }
    }

    private void read() {
        byte[] info = new byte[SIGINFO_SIZE];
        int[] fds = {fd, wake};
        short[] events = {Posix.POLLIN, Posix.POLLIN};
        short[] revents = new short[2];
        try {
            while (true) {
                posix.poll(fds, events, revents, -1);
                if (revents[1] != 0) {
                    if (stopping) {
                        return; // the process is exiting
                    }
                    posix.read(wake, new byte[8], 8); // watch() changed the signals taken
                }
                if (revents[0] == 0 || posix.read(fd, info, SIGINFO_SIZE) < SIGINFO_SIZE) {
                    continue;
                }
                int sig = (info[0] & 0xff) | (info[1] & 0xff) << 8 | (info[2] & 0xff) << 16 | (info[3] & 0xff) << 24; // ssi_signo
                IntConsumer onSignal = caught.get(sig);
                if (onSignal != null) {
                    onSignal.accept(sig);
                } else if (!ignoredByDefault.contains(sig)) {
                    int disposition = posix.signalDisposition(sig);
                    if (disposition == Posix.SIG_DFL) {
                        posix.raiseUnblocked(sig); // ends, dumps core, or stops the process, as the signal does
                    } else if (disposition == Posix.SIG_HANDLER) {
                        posix.dieOf(sig); // the JVM's own handler (SIGPIPE's): the script's disposition is the default
                    }
                }
            }
        } catch (PosixException e) {
            // a signalfd whose read fails (it cannot, short of a bug): say so, signals stay pending
            System.err.println("error: tine cannot take signals in this process any more: " + e.getMessage());
        }
    }
}
