package dev.tine.fork;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.nodes.Node;

import dev.tine.TineContext;
import dev.tine.posix.Posix;
import dev.tine.posix.PosixException;
import dev.tine.posix.SpawnSpec;

/**
 * Starts the fork() child: this runtime again (same java, JVM flags and class path) with
 * posix_spawn, so it is a real child of the script's process. It inherits the script's fds at
 * their numbers and of the runtime's own only two: the pipe it reads the snapshot from and the
 * ready pipe. The snapshot never touches the file system. Whatever fails, every fd opened here
 * is closed again, and no child is left half-started.
 */
final class ChildLauncher {
    private ChildLauncher() {
    }

    /** Returns the child's pid once it has resumed (or died trying). */
    static int launch(TineContext context, byte[] snapshot, Node node) throws PosixException {
        Posix posix = context.posix;
        int[] feed = posix.pipeCloexec(); // the child reads the snapshot from feed[0]
        try (ReadyPipe ready = new ReadyPipe(posix)) {
            SpawnSpec spec = new SpawnSpec();
            spec.argv = argv(feed[0], ready.childEnd()).toArray(String[]::new);
            spec.path = spec.argv[0];
            spec.env = context.process.environmentArray();
            for (int fd : context.process.foreignFds(posix)) {
                if (fd != feed[0] && fd != ready.childEnd()) {
                    spec.actions.add(new SpawnSpec.Close(fd));
                }
            }
            spec.actions.add(new SpawnSpec.Dup2(feed[0], feed[0])); // dup2 onto itself keeps it across exec
            spec.actions.add(new SpawnSpec.Dup2(ready.childEnd(), ready.childEnd()));
            spec.defaultSignals = context.process.defaultSignals();
            spec.signalMask = ChildSignals.heldAtStart();
            int pid = posix.spawn(spec);
            try {
                ready.closeChildEnd();
                closeQuietly(posix, feed[0]);
                feed[0] = -1;
                send(posix, feed[1], snapshot);
                closeQuietly(posix, feed[1]);
                feed[1] = -1;
                ready.awaitChild(node);
            } catch (PosixException e) {
                reap(posix, pid); // a child that cannot get its state must not run on
                throw e;
            }
            return pid;
        } finally {
            closeQuietly(posix, feed[0]);
            closeQuietly(posix, feed[1]);
        }
    }

    /** The whole snapshot, or as much as a child that died early took (EPIPE). */
    private static void send(Posix posix, int fd, byte[] data) throws PosixException {
        int off = 0;
        while (off < data.length) {
            try {
                off += posix.write(fd, data, off, data.length - off);
            } catch (PosixException e) {
                if (e.errno == Posix.EPIPE) {
                    return; // the child is gone: waitpid tells how
                }
                throw e;
            }
        }
    }

    private static void reap(Posix posix, int pid) {
        try {
            posix.kill(pid, Posix.SIGKILL);
            posix.waitpid(pid, 0);
        } catch (PosixException e) {
            // already gone and reaped
        }
    }

    private static void closeQuietly(Posix posix, int fd) {
        if (fd >= 0) {
            try {
                posix.close(fd);
            } catch (PosixException e) {
                // nothing more to release
            }
        }
    }

    /** `java [the JVM's flags] -cp [class path] ForkChildMain SNAPSHOT_FD READY_FD` */
    static List<String> argv(int snapshotFd, int readyFd) {
        List<String> argv = new ArrayList<>();
        argv.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // a debugger agent would clash on its port; stdin-is-a-terminal is decided anew;
            // recording an AOT cache is the parent's job (./tine's training run), not the child's
            if (flag.startsWith("-agentlib:jdwp") || flag.startsWith("-Dtine.stdinIsTerminal") || flag.startsWith("-XX:AOTCacheOutput")
                            || flag.startsWith("-XX:AOTConfiguration") || flag.startsWith("-XX:AOTMode") || List.of(ChildSignals.JVM_FLAGS).contains(flag)) {
                continue;
            }
            argv.add(moduleOption(flag));
        }
        argv.addAll(List.of(ChildSignals.JVM_FLAGS));
        argv.add("-cp");
        argv.add(System.getProperty("java.class.path"));
        argv.add(ForkChildMain.class.getName());
        argv.add(String.valueOf(snapshotFd));
        argv.add(String.valueOf(readyFd));
        return argv;
    }

    /** The java launcher reports --module-path and friends as jdk.module properties, which it refuses as input. */
    private static String moduleOption(String flag) {
        for (String[] m : new String[][]{{"-Djdk.module.path=", "--module-path="}, {"-Djdk.module.upgrade.path=", "--upgrade-module-path="},
                        {"-Djdk.module.addmods=", "--add-modules="}}) {
            if (flag.startsWith(m[0])) {
                return m[1] + flag.substring(m[0].length());
            }
        }
        return flag;
    }
}
