package dev.tine.stdlib;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;

import dev.tine.runtime.BigNumber;
import dev.tine.TineContext;
import dev.tine.runtime.Errors;
import dev.tine.runtime.Printer;
import dev.tine.runtime.TineException;
import dev.tine.runtime.TineList;
import dev.tine.runtime.TineMap;
import dev.tine.runtime.TineNull;
import dev.tine.runtime.TypeNames;
import dev.tine.posix.Blocking;
import dev.tine.posix.Posix;
import dev.tine.posix.PosixException;

/**
 * run(argv, opts): spawn, feed input, collect stdout and stderr, wait. One poll(2) loop on the
 * script's thread moves all three streams, so large outputs on both never deadlock; a timeout
 * SIGKILLs the children's process group (run puts them in a group of their own when a timeout is
 * given). A pipeline's input goes to its first program, stdout comes from its last, stderr from
 * all; its result describes the last program that failed, or else the last (pipefail). Every
 * child is reaped, also when the run is interrupted by an error.
 */
final class Runner {
    private static final int CHUNK = 65536;
    private static final long KILL_GRACE_NANOS = 2_000_000_000L;

    private final Posix posix;

    private Runner(Posix posix) {
        this.posix = posix;
    }

    @TruffleBoundary
    static TineMap run(Object argvArg, Object opts, TineContext context, Node node) {
        Spawner spawner = Spawner.parse(argvArg, opts, "run", Spawner.RUN_OPTIONS, context, node);
        byte[] input = null;
        double timeout = -1;
        boolean check = false;
        if (opts instanceof TineMap map) {
            Object v;
            if ((v = Spawner.option(map, "input")) != null) {
                input = ProcessSupport.string(v, "run() input", node).getBytes(StandardCharsets.UTF_8);
                if (spawner.stdio[0] != Spawner.Stdio.INHERIT) {
                    throw Errors.valueError("run() takes input or stdin, not both", node);
                }
            }
            if ((v = Spawner.option(map, "timeout")) != null) {
                if (v instanceof Long l) {
                    timeout = l;
                } else if (v instanceof Double d) {
                    timeout = d;
                } else if (v instanceof BigNumber b) {
                    timeout = b.value.doubleValue();
                } else {
                    throw Errors.typeError("run() timeout must be a number of seconds, not " + TypeNames.of(v), node);
                }
                if (!(timeout >= 0)) {
                    throw Errors.valueError("run() timeout must not be negative", node);
                }
            }
            if ((v = Spawner.option(map, "check")) != null) {
                if (!(v instanceof Boolean b)) {
                    throw Errors.typeError("run() check must be a bool, not " + TypeNames.of(v), node);
                }
                check = b;
            }
        }
        if (timeout >= 0 && spawner.pgroup == null) {
            spawner.pgroup = 0;
        }
        return new Runner(context.posix).execute(spawner, input, timeout, check, argvArg, context, node);
    }

    private int[] inPipe;
    private int[] outPipe;
    private int[] errPipe;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private TineMap execute(Spawner spawner, byte[] input, double timeout, boolean check, Object argvArg, TineContext context, Node node) {
        int[] pids = new int[0];
        int programs = spawner.stages.size();
        boolean[] reaped = new boolean[programs];
        int[] statuses = new int[programs];
        boolean timedOut = false;
        try {
            try {
                if (input != null) {
                    inPipe = posix.pipeCloexec();
                    spawner.stdio[0] = new Spawner.Stdio(inPipe[0], false);
                }
                if (spawner.stdio[1] == Spawner.Stdio.INHERIT) {
                    outPipe = posix.pipeCloexec();
                    spawner.stdio[1] = new Spawner.Stdio(outPipe[1], false);
                }
                if (spawner.stdio[2] == Spawner.Stdio.INHERIT) {
                    errPipe = posix.pipeCloexec();
                    spawner.stdio[2] = new Spawner.Stdio(errPipe[1], false);
                }
            } catch (PosixException e) {
                throw Errors.osError(e, node);
            }
            pids = spawner.start(context, node);
            // The child has its ends; the parent keeps the others, non-blocking.
            if (inPipe != null) {
                posix.closeQuietly(inPipe[0]);
                inPipe[0] = -1;
                nonBlocking(inPipe[1]);
            }
            if (outPipe != null) {
                posix.closeQuietly(outPipe[1]);
                outPipe[1] = -1;
                nonBlocking(outPipe[0]);
            }
            if (errPipe != null) {
                posix.closeQuietly(errPipe[1]);
                errPipe[1] = -1;
                nonBlocking(errPipe[0]);
            }
            long deadline = timeout < 0 ? Long.MAX_VALUE : System.nanoTime() + (long) Math.min(timeout * 1e9, Long.MAX_VALUE / 4);
            int inOffset = 0;
            byte[] buf = new byte[CHUNK];
            while (true) {
                boolean writing = inPipe != null && inPipe[1] >= 0;
                boolean readingOut = outPipe != null && outPipe[0] >= 0;
                boolean readingErr = errPipe != null && errPipe[0] >= 0;
                if (writing && inOffset >= input.length) {
                    posix.closeQuietly(inPipe[1]);
                    inPipe[1] = -1;
                    writing = false;
                }
                if (!writing && !readingOut && !readingErr) {
                    break;
                }
                int[] fds = new int[3];
                short[] events = new short[3];
                int n = 0;
                if (writing) {
                    fds[n] = inPipe[1];
                    events[n++] = Posix.POLLOUT;
                }
                if (readingOut) {
                    fds[n] = outPipe[0];
                    events[n++] = Posix.POLLIN;
                }
                if (readingErr) {
                    fds[n] = errPipe[0];
                    events[n++] = Posix.POLLIN;
                }
                short[] revents = new short[n];
                int ready = Blocking.poll(node, java.util.Arrays.copyOf(fds, n), java.util.Arrays.copyOf(events, n), revents, deadline);
                if (ready == 0 && System.nanoTime() - deadline >= 0) {
                    if (timedOut) {
                        break; // killed, and something else still holds the pipes open: stop collecting
                    }
                    timedOut = true;
                    killAll(posix, pids, reaped, spawner.pgroup);
                    deadline = System.nanoTime() + KILL_GRACE_NANOS;
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    if (revents[i] == 0) {
                        continue;
                    }
                    int fd = fds[i];
                    if (writing && fd == inPipe[1]) {
                        try {
                            inOffset += posix.write(fd, input, inOffset, Math.min(CHUNK, input.length - inOffset));
                        } catch (PosixException e) {
                            if (e.errno == Posix.EPIPE || (revents[i] & Posix.POLLERR) != 0) {
                                inOffset = input.length; // the child stopped reading: drop the rest
                            } else if (e.errno != Posix.EAGAIN) {
                                throw Errors.osError(e, node);
                            }
                        }
                    } else {
                        boolean isOut = readingOut && fd == outPipe[0];
                        int got;
                        try {
                            got = posix.read(fd, buf, CHUNK);
                        } catch (PosixException e) {
                            if (e.errno == Posix.EAGAIN) {
                                continue;
                            }
                            throw Errors.osError(e, node);
                        }
                        if (got == 0) {
                            posix.closeQuietly(fd);
                            if (isOut) {
                                outPipe[0] = -1;
                            } else {
                                errPipe[0] = -1;
                            }
                        } else {
                            (isOut ? out : err).write(buf, 0, got);
                        }
                    }
                }
            }
            try {
                // the streams are closed, but the children may still run: the timeout holds here too
                for (int i = 0; i < programs; i++) {
                    int[] r = Blocking.waitpidUntil(node, pids[i], 0, timedOut ? Long.MAX_VALUE : deadline);
                    if (r == null) {
                        timedOut = true;
                        killAll(posix, pids, reaped, spawner.pgroup);
                        r = Blocking.waitpid(node, pids[i], 0);
                    }
                    statuses[i] = r[1];
                    reaped[i] = true;
                }
            } catch (PosixException e) {
                throw Errors.osError(e, node);
            }
        } catch (PosixException e) {
            throw Errors.osError(e, node);
        } finally {
            // interrupted (an error, a signal handler that threw, exit): leave no child behind
            killAll(posix, pids, reaped, spawner.pgroup);
            for (int i = 0; i < pids.length; i++) {
                if (!reaped[i]) {
                    try {
                        posix.waitpid(pids[i], 0);
                    } catch (PosixException e) {
                        // already reaped by someone else
                    }
                }
            }
            closeAll();
        }
        int described = programs - 1; // the last program that failed, or else the last (pipefail)
        while (described > 0 && succeeded(statuses[described])) {
            described--;
        }
        if (succeeded(statuses[described])) {
            described = programs - 1;
        }
        boolean ok = !timedOut;
        for (int status : statuses) {
            ok &= succeeded(status);
        }
        int status = statuses[described];
        boolean exited = (status & 0x7f) == 0;
        int code = (status >> 8) & 0xff;
        int signal = status & 0x7f;
        TineMap result = TineMap.of("pid", (long) pids[described],
                        "code", exited ? (Object) (long) code : TineNull.INSTANCE,
                        "signal", exited ? TineNull.INSTANCE : (Object) (long) signal,
                        "ok", ok,
                        "stdout", outPipe != null ? out.toString(StandardCharsets.UTF_8) : TineNull.INSTANCE,
                        "stderr", errPipe != null ? err.toString(StandardCharsets.UTF_8) : TineNull.INSTANCE,
                        "timed_out", timedOut);
        if (spawner.pipeline) {
            TineList pidList = new TineList();
            TineList statusList = new TineList();
            for (int i = 0; i < programs; i++) {
                pidList.add((long) pids[i]);
                statusList.add(ProcessSupport.statusMap(pids[i], statuses[i]));
            }
            result.put("pids", pidList);
            result.put("statuses", statusList);
        }
        if (check && !ok) {
            String what = spawner.pipeline
                            ? Printer.str(((TineList) argvArg).get(described)) + " (program " + (described + 1) + " of the pipeline)"
                            : Printer.str(argvArg);
            String message;
            if (timedOut) {
                message = what + " timed out after " + Printer.formatFloat(timeout) + " seconds";
            } else if (exited) {
                message = what + " exited with code " + code;
            } else {
                message = what + " was killed by " + SignalBuiltins.describe(signal);
            }
            TineMap error = Errors.errorMap("ProcessError", message);
            for (var e : result.entries.entrySet()) {
                error.put(e.getKey(), e.getValue());
            }
            throw new TineException(error, node);
        }
        return result;
    }

    private static boolean succeeded(int status) {
        return (status & 0x7f) == 0 && ((status >> 8) & 0xff) == 0;
    }

    /** SIGKILL to the children's own process group when they have one, and to each child not yet reaped. */
    private static void killAll(Posix posix, int[] pids, boolean[] reaped, Integer pgroup) {
        boolean running = false;
        for (int i = 0; i < pids.length; i++) {
            running |= !reaped[i];
        }
        if (!running) {
            return; // a reaped child's pid, or group, may be another's by now
        }
        int group = 0;
        if (pgroup != null && pgroup == 0) {
            group = pids[0];
        } else if (pgroup != null && pgroup > 0 && pgroup != posix.getpgrp()) {
            group = pgroup;
        }
        if (group > 0) {
            try {
                posix.kill(-group, Posix.SIGKILL);
            } catch (PosixException e) {
                // the group is gone
            }
        }
        for (int i = 0; i < pids.length; i++) {
            if (!reaped[i]) {
                try {
                    posix.kill(pids[i], Posix.SIGKILL);
                } catch (PosixException e) {
                    // already gone
                }
            }
        }
    }

    private void nonBlocking(int fd) throws PosixException {
        posix.setStatusFlags(fd, posix.getStatusFlags(fd) | Posix.O_NONBLOCK);
    }

    private void closeAll() {
        for (int[] p : new int[][]{inPipe, outPipe, errPipe}) {
            if (p != null) {
                posix.closeQuietly(p[0]);
                posix.closeQuietly(p[1]);
                p[0] = -1;
                p[1] = -1;
            }
        }
    }
}
