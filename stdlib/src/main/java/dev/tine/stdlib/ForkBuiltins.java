package dev.tine.stdlib;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.NodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.tine.TineContext;
import dev.tine.builtins.Builtin;
import dev.tine.builtins.BuiltinNode;
import dev.tine.builtins.BuiltinProvider;
import dev.tine.fork.ChildCommand;
import dev.tine.fork.ForkSnapshot;
import dev.tine.runtime.Errors;
import dev.tine.stdlib.posix.Posix;
import dev.tine.stdlib.posix.PosixException;
import dev.tine.stdlib.posix.SpawnSpec;

/**
 * fork(): never a native fork of the JVM (a forked HotSpot child hangs on its first GC or
 * safepoint). The script's state is snapshot, and the runtime starts itself as a real child with
 * posix_spawn, which resumes right after the fork() call with 0. See DESIGN.md.
 */
public final class ForkBuiltins implements BuiltinProvider {
    @Override
    public List<? extends NodeFactory<? extends BuiltinNode>> factories() {
        return ForkBuiltinsFactory.getFactories();
    }

    /** In the child, after every topic restored its part (signal handlers): tell the parent. */
    @Override
    public void restoredFromFork(TineContext context) {
        Integer fd = Integer.getInteger(ChildCommand.READY_FD_PROPERTY);
        if (fd != null) {
            System.clearProperty(ChildCommand.READY_FD_PROPERTY);
            try {
                Posix.get().write(fd, new byte[]{1}, 0, 1);
            } catch (PosixException e) {
                // the parent is gone (EPIPE): nobody waits for this child to be ready
            } finally {
                Posix.get().close(fd);
            }
        }
    }

    @Builtin(name = "fork", process = true)
    @GenerateNodeFactory
    abstract static class ForkBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected long fork() {
            TineContext context = context();
            context.flush(); // what was printed before the fork is out once, by the parent
            byte[] snapshot = ForkSnapshot.capture(context, this);
            Path file;
            try {
                file = Files.createTempFile("tine-fork-", ".snapshot"); // 0600; the child deletes it
                Files.write(file, snapshot);
            } catch (IOException e) {
                throw Errors.error("ProcessError", "fork(): cannot write the snapshot: " + e.getMessage(), this);
            }
            Posix posix = Posix.get();
            int[] ready = posix.pipeCloexec();
            SpawnSpec spec = new SpawnSpec();
            spec.argv = ChildCommand.argv(file.toString(), ready[1]).toArray(String[]::new);
            spec.path = spec.argv[0];
            spec.env = ProcessSupport.envArray(context.process.environment);
            // The child sees the script's fds at the same numbers, and none of the runtime's own
            // but the readiness pipe's write end, which it closes once it has signalled.
            for (int fd : ProcessSupport.foreignFds(context.process)) {
                if (fd != ready[1]) {
                    spec.actions.add(new SpawnSpec.Close(fd));
                }
            }
            spec.actions.add(new SpawnSpec.Dup2(ready[1], ready[1])); // keeps it across exec
            spec.defaultSignals = ProcessSupport.defaultSignals(context.process);
            spec.signalMask = new int[0];
            int pid;
            try {
                pid = posix.spawn(spec);
            } catch (PosixException e) {
                posix.close(ready[0]);
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // the failure to report is the spawn's
                }
                throw ProcessSupport.osError(e, this);
            } finally {
                posix.close(ready[1]);
            }
            awaitReady(ready[0]);
            return pid;
        }

        /** Until the child is resumed (a byte) or gone (end of file); its fate is waitpid's to tell. */
        private void awaitReady(int fd) {
            try {
                Blocking.awaitReadable(this, fd);
                Posix.get().read(fd, new byte[1], 1);
            } catch (PosixException e) {
                // the child died before it was ready: waitpid reports how
            } finally {
                Posix.get().close(fd);
            }
        }
    }
}
