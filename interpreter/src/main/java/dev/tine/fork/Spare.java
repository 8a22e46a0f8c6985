package dev.tine.fork;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.ThreadLocalAction;
import com.oracle.truffle.api.nodes.Node;

import dev.tine.TineContext;
import dev.tine.TineOptions;
import dev.tine.posix.Blocking;
import dev.tine.posix.Posix;
import dev.tine.posix.PosixException;
import dev.tine.posix.SpawnSpec;
import dev.tine.runtime.ProcessState;

/**
 * A fork child started ahead ({@link SpareMain}): a runtime already booted, a child of this
 * process in a process group of its own, waiting on a socket. fork() hands it the snapshot and
 * the script's fds (SCM_RIGHTS); it puts them at their numbers, joins the parent's process group,
 * takes its cwd and signal dispositions, and resumes as the child. Then a new spare is started.
 * A spare never outlives its parent (its end of the socket reads end of file, and it exits), and
 * never shows up in wait() ({@link #hidden}, {@link #onlyChild}).
 */
public final class Spare {
    /** In the spare, fds 3 to this one hold /dev/null until the handover, so that its runtime's own fds lie above. */
    static final int LAST_SCRIPT_FD = 255;
    /** Where the spare finds the ready pipe's write end once handed over. */
    static final int READY_FD = 256;
    /** The spare's end of its socket. */
    static final int CONTROL_FD = 257;
    /** The spare's bytes on its socket: booted and waiting; placed and resuming; cannot be this child. */
    static final byte WARM = 'W';
    static final byte TAKEN = 'T';
    static final byte CANNOT = 'N';
    /** The largest message on the socket: the first one carries the script's sources, which must fit (else it goes without). */
    static final int MAX_MESSAGE = 1 << 17; // AF_UNIX takes messages up to about its default send buffer (208 KB)

    private final int pid;
    private final int control;
    private boolean warm;
    private boolean reaped;
    private boolean child;

    private Spare(int pid, int control) {
        this.pid = pid;
        this.control = control;
    }

    /** Whether fork() may use spares in this context (the tine.ForkPath option). */
    static boolean allowed(TineContext context) {
        return !context.env.getOptions().get(TineOptions.ForkPath).equals("fresh");
    }

    /**
     * After a fork() that needed a full child: the next spare starts {@link #BOOT_DELAY_MS} later,
     * on the script's thread at a safepoint. Started at once, its boot (two cores' worth of CPU
     * for ~0.3 s) slowed the child's resume by about half (bench/forklat.tine). A fork() before
     * then starts a fresh child, as fast as a spare started then, and the spare after it starts at
     * once, as after a fork() that found its spare still booting: forks back to back come at the
     * pace runtimes boot, and a spare booting beside the child keeps that pace (bench/fork.tine).
     */
    static void replenishSoon(TineContext context, byte[] snapshot) {
        if (context.spare != null || context.noSpares || !allowed(context)) {
            return;
        }
        if (context.sparesLag) { // forks back to back: a spare started now is the further on at the next
            context.sparesLag = false;
            replenish(context, snapshot);
            return;
        }
        context.pendingSpare = snapshot;
        Thread thread = Thread.currentThread();
        DELAYS.schedule(() -> {
            if (context.pendingSpare == snapshot) {
                try {
                    context.env.submitThreadLocal(new Thread[]{thread}, new StartAction(context, snapshot));
                } catch (IllegalStateException | IllegalArgumentException e) {
                    // the context is closed or its thread gone: no spare needed
                }
            }
        }, BOOT_DELAY_MS, TimeUnit.MILLISECONDS);
    }

    /** Long enough for a child to resume and run its next statement (~12 ms) without a spare booting beside it. */
    static final long BOOT_DELAY_MS = 25;

    private static final ScheduledExecutorService DELAYS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tine spare delay");
        t.setDaemon(true);
        return t;
    });

    /** The due spare's start, on the script's thread; while fork() rehearses a child there (Rehearsal), a little later. */
    private static final class StartAction extends ThreadLocalAction {
        private final TineContext context;
        private final byte[] snapshot;

        StartAction(TineContext context, byte[] snapshot) {
            super(true, false);
            this.context = context;
            this.snapshot = snapshot;
        }

        @Override
        protected void perform(Access access) {
            if (context.pendingSpare != snapshot) {
                return; // taken by a fork(), or retired
            }
            if (context.rehearsal != null) {
                context.pendingSpare = null;
                replenishSoon(context, snapshot);
                return;
            }
            replenish(context, snapshot);
        }
    }

    /**
     * One spare waits for the next fork(), with the sources of this snapshot translated ahead
     * (Pretranslated). A spare that cannot start is no error.
     */
    @TruffleBoundary
    static void replenish(TineContext context, byte[] snapshot) {
        context.pendingSpare = null;
        if (context.spare != null || context.noSpares || !allowed(context)) {
            return;
        }
        int[] ends;
        try {
            ends = context.posix.socketPair();
        } catch (PosixException e) {
            return; // no fd to spare just now (EMFILE): perhaps at the next fork()
        }
        try {
            context.spare = start(context, snapshot, ends);
        } catch (PosixException | IOException e) {
            context.noSpares = true; // e.g. fewer than 258 fds allowed: every child starts fresh
        }
    }

    private static Spare start(TineContext context, byte[] snapshot, int[] ends) throws PosixException, IOException {
        Posix posix = context.posix;
        int pid;
        try {
            SpawnSpec spec = ChildLauncher.runtime(context, SpareMain.class, List.of());
            spec.keepFds = Set.of();
            spec.actions.add(new SpawnSpec.Dup2(ends[1], CONTROL_FD));
            spec.actions.add(new SpawnSpec.Open(0, "/dev/null", Posix.O_RDONLY, 0));
            spec.actions.add(new SpawnSpec.Open(1, "/dev/null", Posix.O_WRONLY, 0));
            spec.actions.add(new SpawnSpec.Dup2(1, 2));
            spec.actions.add(new SpawnSpec.Open(3, "/dev/null", Posix.O_RDONLY, 0));
            for (int fd = 4; fd <= READY_FD; fd++) {
                spec.actions.add(new SpawnSpec.Dup2(3, fd));
            }
            spec.pgroup = 0; // out of the way of the terminal's signals and of waitpid(0)
            pid = posix.spawn(spec);
        } catch (PosixException e) {
            posix.closeQuietly(ends[0]);
            throw e;
        } finally {
            posix.closeQuietly(ends[1]);
        }
        Spare spare = new Spare(pid, ends[0]);
        try {
            ByteArrayOutputStream start = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(start);
            LaunchPolicy.of(context).write(out);
            if (start.size() + snapshot.length <= MAX_MESSAGE) {
                out.write(snapshot); // decoded ahead (Pretranslated)
            } else {
                int policyEnd = start.size();
                SnapshotCodec.writeSources(out, SnapshotCodec.sourcesOf(snapshot));
                if (start.size() > MAX_MESSAGE) { // sources too big to send: the child translates them itself
                    byte[] policy = java.util.Arrays.copyOf(start.toByteArray(), policyEnd);
                    start.reset();
                    start.write(policy);
                    SnapshotCodec.writeSources(out, List.of());
                }
            }
            posix.sendWithFds(spare.control, start.toByteArray(), new int[0]);
        } catch (PosixException | IOException e) {
            spare.retire(posix);
            throw e;
        }
        return spare;
    }

    /**
     * The context's spare, which from now on is no longer its spare; null if it has none. With
     * --tine.ForkPath=spare there is always one (started now if need be): every child is a spare.
     */
    static Spare take(TineContext context, byte[] snapshot) {
        context.sparesLag = context.pendingSpare != null || (context.spare != null && !context.spare.isWarm(context.posix));
        context.pendingSpare = null;
        if (context.spare == null && context.env.getOptions().get(TineOptions.ForkPath).equals("spare")) {
            replenish(context, snapshot);
        }
        Spare spare = context.spare;
        context.spare = null;
        return spare;
    }

    /** A spare taken for a fork() that failed before it was handed over: still the context's spare. */
    static void putBack(TineContext context, Spare spare) {
        if (spare != null && !spare.child && !spare.reaped && context.spare == null) {
            context.spare = spare;
        }
    }

    /**
     * Makes this spare the fork() child: sends it the script's fds, the snapshot's memfd and the
     * ready pipe's end. Returns its pid once it has taken them, or -1 when it cannot be this
     * child (it died, the script's fds do not fit, the parent changed session): it is then gone.
     */
    int handOver(TineContext context, int feed, int readyEnd, Node node) throws PosixException {
        Posix posix = context.posix;
        ProcessState ps = context.process;
        List<Integer> fds = new ArrayList<>(ps.scriptFds);
        if (reaped || fds.size() > 250 || fds.get(fds.size() - 1) > LAST_SCRIPT_FD || !awaitWarm(posix, node)) {
            retire(posix);
            return -1;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(posix.getpgrp());
            out.writeUTF(ps.cwd);
            int[] defaults = ps.defaultSignals();
            out.writeInt(defaults.length);
            for (int s : defaults) {
                out.writeInt(s);
            }
            out.writeInt(fds.size());
            for (int fd : fds) {
                out.writeInt(fd);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e); // in memory: cannot fail
        }
        int[] pass = new int[fds.size() + 2];
        for (int i = 0; i < fds.size(); i++) {
            pass[i] = fds.get(i);
        }
        pass[fds.size()] = feed;
        pass[fds.size() + 1] = readyEnd;
        boolean taken = false;
        try {
            posix.sendWithFds(control, bytes.toByteArray(), pass);
            taken = readByte(posix, node) == TAKEN;
        } catch (PosixException e) {
            // it died meanwhile (EPIPE)
        } finally {
            if (!taken) {
                retire(posix); // also when a signal handler threw during the wait: no child runs on unknown
            }
        }
        if (!taken) {
            return -1;
        }
        posix.closeQuietly(control); // it is the child now: its end of file no longer means anything
        child = true;
        return pid;
    }

    /** Whether it became a fork() child. */
    boolean isChild() {
        return child;
    }

    /** Whether it has booted, without waiting. */
    private boolean isWarm(Posix posix) {
        try {
            return warm || posix.poll(new int[]{control}, new short[]{Posix.POLLIN}, new short[1], 0) > 0;
        } catch (PosixException e) {
            return false;
        }
    }

    private boolean awaitWarm(Posix posix, Node node) throws PosixException {
        if (!warm) {
            warm = readByte(posix, node) == WARM; // a spare still starting is further on than a fresh child
        }
        return warm;
    }

    private int readByte(Posix posix, Node node) throws PosixException {
        Blocking.awaitReadable(node, control);
        byte[] b = new byte[1];
        return posix.read(control, b, 1) == 1 ? b[0] : -1;
    }

    /** Ends the spare: killed, reaped, its socket closed. */
    void retire(Posix posix) {
        posix.closeQuietly(control);
        if (!reaped) {
            reaped = true;
            try {
                posix.kill(pid, Posix.SIGKILL);
                posix.waitpid(pid, 0);
            } catch (PosixException e) {
                // already gone and reaped
            }
        }
    }

    /** Before the script's exec (the program must not inherit a spare as its child) and when the context closes. */
    @TruffleBoundary
    public static void retire(TineContext context) {
        Spare spare = context.spare;
        context.spare = null;
        context.pendingSpare = null;
        if (spare != null) {
            spare.retire(context.posix);
        }
    }

    /** A waitpid result that is the spare's end (it was killed): not the script's to see. */
    public static boolean hidden(TineContext context, int[] waited) {
        Spare spare = context.spare;
        if (waited != null && spare != null && waited[0] == spare.pid) {
            spare.reaped = true;
            return true;
        }
        return false;
    }

    /**
     * Whether the spare is this process's only child, so that waiting for any child must fail
     * with ECHILD. Read from /proc; where the kernel does not list children, the spare is retired.
     */
    @TruffleBoundary
    public static boolean onlyChild(TineContext context) {
        Spare spare = context.spare;
        if (spare == null || spare.reaped) {
            return false;
        }
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                for (String child : Files.readString(task.resolve("children")).trim().split(" ")) {
                    if (!child.isEmpty() && Integer.parseInt(child) != spare.pid) {
                        return false;
                    }
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            retire(context);
            return false;
        }
    }
}
