package dev.tine.posix;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleSafepoint;
import com.oracle.truffle.api.nodes.Node;

import dev.tine.TineContext;
import dev.tine.fork.Spare;

/**
 * Blocking waits that stay responsive to Truffle safepoints (script signal handlers, cancel):
 * every wait is a poll(2) that also watches the context's eventfd, which the safepoint
 * {@link TruffleSafepoint.Interrupter} writes to. One per context, not per thread: a context runs
 * on one thread at a time, and a host that calls Tine from a pool of short-lived threads would
 * otherwise leak one fd per thread; it is closed when the context is.
 */
public final class Blocking {
    private Blocking() {
    }

    /** Wakes the poll of the context's thread. */
    public static final class Wakeup implements TruffleSafepoint.Interrupter {
        final int fd;
        private final byte[] one = {1, 0, 0, 0, 0, 0, 0, 0};

        private final Posix posix;

        Wakeup(Posix posix, int fd) {
            this.posix = posix;
            this.fd = fd;
        }

        @Override
        public void interrupt(Thread thread) {
            try {
                posix.write(fd, one, 0, 8);
            } catch (PosixException e) {
                // EAGAIN: the counter is already non-zero, the poll wakes anyway
            }
        }

        @Override
        public void resetInterrupted() {
            try {
                posix.read(fd, new byte[8], 8);
            } catch (PosixException e) {
                // EAGAIN: nothing to drain
            }
        }
    }

    private static Wakeup wakeup(TineContext context) throws PosixException {
        Wakeup w = context.wakeup;
        if (w == null) {
            w = new Wakeup(context.posix, context.posix.eventfd());
            context.wakeup = w;
        }
        return w;
    }

    /** Closes the context's eventfd, if it has one. */
    public static void release(TineContext context) {
        Wakeup w = context.wakeup;
        if (w != null) {
            context.wakeup = null;
            w.posix.closeQuietly(w.fd);
        }
    }

    /**
     * Waits until one of {@code fds} is ready for its {@code events} or the deadline
     * ({@link System#nanoTime()}; {@code Long.MAX_VALUE}: none) passes, running safepoint actions
     * meanwhile. Fills {@code revents}; returns the number of ready fds, 0 on timeout.
     */
    @TruffleBoundary
    public static int poll(Node node, int[] fds, short[] events, short[] revents, long deadline) throws PosixException {
        TineContext context = TineContext.get(node);
        Posix posix = context.posix;
        Wakeup wakeup = wakeup(context);
        int n = fds.length;
        int[] all = java.util.Arrays.copyOf(fds, n + 1);
        short[] ev = java.util.Arrays.copyOf(events, n + 1);
        short[] rev = new short[n + 1];
        all[n] = wakeup.fd;
        ev[n] = Posix.POLLIN;
        PosixException[] failure = {null};
        TruffleSafepoint.InterruptibleFunction<Object, Integer> wait = unused -> {
            while (true) {
                int timeout;
                if (deadline == Long.MAX_VALUE) {
                    timeout = -1;
                } else {
                    long left = deadline - System.nanoTime();
                    timeout = left <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, (left + 999_999) / 1_000_000);
                }
                int r;
                try {
                    r = posix.poll(all, ev, rev, timeout);
                } catch (PosixException e) {
                    failure[0] = e;
                    return -1;
                }
                if (r < 0) {
                    continue; // EINTR
                }
                if (rev[n] != 0) {
                    throw new InterruptedException();
                }
                System.arraycopy(rev, 0, revents, 0, n);
                return r;
            }
        };
        int ready = TruffleSafepoint.getCurrent().setBlockedFunction(node, wakeup, wait, null, null, null);
        if (failure[0] != null) {
            throw failure[0];
        }
        return ready;
    }

    /** Sleeps, running safepoint actions meanwhile. */
    @TruffleBoundary
    public static void sleepNanos(Node node, long nanos) throws PosixException {
        long deadline = System.nanoTime() + nanos;
        poll(node, new int[0], new short[0], new short[0], deadline);
    }

    /** Waits until fd is readable (or at EOF, or in error). */
    @TruffleBoundary
    public static void awaitReadable(Node node, int fd) throws PosixException {
        awaitFd(node, fd, Posix.POLLIN);
    }

    @TruffleBoundary
    public static void awaitWritable(Node node, int fd) throws PosixException {
        awaitFd(node, fd, Posix.POLLOUT);
    }

    private static void awaitFd(Node node, int fd, short event) throws PosixException {
        short[] rev = new short[1];
        poll(node, new int[]{fd}, new short[]{event}, rev, Long.MAX_VALUE);
        if ((rev[0] & Posix.POLLNVAL) != 0) {
            throw new PosixException(Posix.EBADF, "bad file descriptor: " + fd);
        }
    }

    /**
     * waitpid(2) that blocks without blocking safepoints: WNOHANG polls, with a pidfd for one
     * pid, else with a backoff up to 10 ms. Returns {pid, status}, or null with WNOHANG.
     */
    @TruffleBoundary
    public static int[] waitpid(Node node, int pid, int options) throws PosixException {
        if ((options & Posix.WNOHANG) != 0) {
            return waitpidNow(TineContext.get(node), pid, options);
        }
        return waitpidUntil(node, pid, options, Long.MAX_VALUE);
    }

    /** waitpid(pid, options | WNOHANG), blind to fork's spare (dev.tine.fork.Spare), which is not the script's child. */
    private static int[] waitpidNow(TineContext context, int pid, int options) throws PosixException {
        while (true) {
            int[] r = context.posix.waitpid(pid, options | Posix.WNOHANG);
            if (r == null && pid == -1 && context.spare != null) {
                if (Spare.onlyChild(context)) {
                    throw new PosixException(Posix.ECHILD, "waitpid: " + Posix.strerror(Posix.ECHILD));
                }
                if (context.spare == null) {
                    continue; // it could not tell, and retired the spare: ask the kernel again
                }
            }
            if (!Spare.hidden(context, r)) {
                return r;
            }
        }
    }

    /** As {@link #waitpid} without WNOHANG, but gives up (null) at the deadline ({@link System#nanoTime()}). */
    @TruffleBoundary
    public static int[] waitpidUntil(Node node, int pid, int options, long deadline) throws PosixException {
        TineContext context = TineContext.get(node);
        Posix posix = context.posix;
        int[] r = waitpidNow(context, pid, options);
        if (r != null) {
            return r;
        }
        int pidfd = -1;
        if (pid > 0 && options == 0) {
            pidfd = posix.pidfdOpen(pid);
        }
        try {
            long interval = 50_000;
            while (true) {
                if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline >= 0) {
                    return null;
                }
                if (pidfd >= 0) {
                    poll(node, new int[]{pidfd}, new short[]{Posix.POLLIN}, new short[1], deadline);
                } else {
                    long wake = System.nanoTime() + interval;
                    sleepNanos(node, deadline != Long.MAX_VALUE && wake - deadline > 0 ? Math.max(0, deadline - System.nanoTime()) : interval);
                    interval = Math.min(interval * 2, 10_000_000);
                }
                r = waitpidNow(context, pid, options);
                if (r != null) {
                    return r;
                }
            }
        } finally {
            if (pidfd >= 0) {
                posix.close(pidfd);
            }
        }
    }
}
