package dev.tine.fork;

import java.io.IOException;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;

import dev.tine.TineContext;
import dev.tine.posix.PosixException;
import dev.tine.runtime.Errors;

/**
 * fork(), the whole path (docs/ARCHITECTURE.md). A forked JVM cannot run Java code, so the
 * runtime never forks: it captures the script's state ({@link Snapshot}), starts itself again
 * as a real child ({@link ChildLauncher}: the warm {@link Spare}, or a runtime started now), and
 * the child resumes right after the fork() call ({@link ForkChildMain}, {@link ResumeRootNode}),
 * where fork() returns 0. A child that only sets up fds and execs is spawned ({@link Rehearsal}).
 */
public final class Fork {
    private Fork() {
    }

    /** In the parent: the child's pid. Every failure is a catchable OSError or ProcessError. */
    @TruffleBoundary
    public static long fork(TineContext context, Node caller) {
        context.flush(); // what was printed before the fork is out once, by the parent
        try {
            Snapshot state = Snapshot.capture(context, caller);
            Rehearsal.Outcome rehearsed = Rehearsal.run(context, state);
            if (rehearsed.pid() > 0) {
                Rehearsal.trace(context, state, rehearsed.why());
                return rehearsed.pid(); // the child only set up fds and exec'd: posix_spawn started that program
            }
            byte[] snapshot = SnapshotCodec.encode(state, context);
            Spare spare = Spare.take(context, snapshot);
            int pid;
            try {
                pid = ChildLauncher.launch(context, snapshot, caller, spare);
            } finally {
                Spare.putBack(context, spare);
            }
            Rehearsal.trace(context, state, "a full child (" + (spare != null && spare.isChild() ? "the spare" : "fresh") + "): " + rehearsed.why());
            return pid;
        } catch (IOException e) {
            throw Errors.error("ProcessError", "fork(): cannot write the snapshot: " + e.getMessage(), caller);
        } catch (ChildLauncher.ChildFailed e) {
            throw Errors.error("ProcessError", e.getMessage(), caller);
        } catch (StackOverflowError e) {
            throw Errors.error("ProcessError", "fork(): a value is nested too deeply to be copied into the child", caller);
        } catch (PosixException e) {
            throw Errors.osError(e.errno, e.errnoName, "fork(): " + e.getMessage(), caller);
        }
    }

    /** The snapshot fork() would send, for a resume in another context (the in-process tests). */
    @TruffleBoundary
    public static byte[] checkpoint(TineContext context, Node caller) throws IOException {
        return SnapshotCodec.encode(Snapshot.capture(context, caller), context);
    }
}
