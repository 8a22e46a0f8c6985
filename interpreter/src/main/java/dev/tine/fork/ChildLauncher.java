package dev.tine.fork;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import com.oracle.truffle.api.nodes.Node;

import dev.tine.TineContext;
import dev.tine.posix.Posix;
import dev.tine.posix.PosixException;
import dev.tine.posix.SpawnSpec;

/**
 * Starts the fork() child: this runtime again (same java, JVM flags and class path), a real child
 * of the script's process: the warm spare if there is one ({@link Spare}), else one started now
 * with posix_spawn. It has the script's fds at their numbers and of the runtime's own only two: a
 * memfd that holds the snapshot (it never touches the file system, and nothing blocks on a child
 * that is slow to read it) and the ready pipe. Whatever fails, every fd opened here is closed
 * again, and no child is left half-started.
 */
final class ChildLauncher {
    private ChildLauncher() {
    }

    /**
     * Returns the child's pid once it has resumed, or once a signal has ended it (waitpid tells).
     * A child that exits before it has resumed could not start: a ProcessError, and it is reaped.
     */
    static int launch(TineContext context, byte[] snapshot, Node node, Spare spare) throws PosixException {
        Posix posix = context.posix;
        int feed = posix.memfd("tine-fork-snapshot"); // the snapshot, in memory only
        int pid = -1;
        boolean handedOver = false;
        try (ReadyPipe ready = new ReadyPipe(posix)) {
            for (int off = 0; off < snapshot.length;) {
                off += posix.write(feed, snapshot, off, snapshot.length - off);
            }
            if (spare != null) {
                pid = spare.handOver(context, feed, ready.childEnd(), node);
            }
            if (pid < 0) {
                pid = posix.spawn(freshChild(context, feed, ready.childEnd()));
            }
            ready.closeChildEnd();
            posix.closeQuietly(feed);
            feed = -1;
            if (!ready.awaitChild(node)) {
                int[] end = posix.peekEnd(pid); // ended before it was ready
                if (end[0] == 1) {
                    throw new ChildFailed("fork(): the child could not start (it exited with status " + end[1] + " before it had resumed)");
                } // killed by a signal: the script's waitpid tells
            }
            handedOver = true;
            Spare.replenishSoon(context, snapshot); // the next one boots once this child has resumed
            return pid;
        } finally {
            posix.closeQuietly(feed);
            if (pid > 0 && !handedOver) {
                reap(posix, pid); // whatever happened (an error, a signal handler that threw), no child runs on unknown
            }
        }
    }

    /** A runtime started for this child alone: it inherits the script's fds and the two it resumes from. */
    private static SpawnSpec freshChild(TineContext context, int feed, int readyEnd) throws PosixException {
        SpawnSpec spec = runtime(context, ForkChildMain.class, List.of(String.valueOf(feed), String.valueOf(readyEnd)));
        spec.keepFds = new TreeSet<>(context.process.scriptFds);
        spec.keepFds.add(feed);
        spec.keepFds.add(readyEnd);
        context.heldFds.holdIn(context.posix, spec, context.process.scriptFds);
        return spec;
    }

    /** This runtime again, with MAIN ARGS: the script's environment for its JVM, its signals at their dispositions and held (ChildSignals). */
    static SpawnSpec runtime(TineContext context, Class<?> main, List<String> args) {
        SpawnSpec spec = new SpawnSpec();
        spec.argv = argv(main, args).toArray(String[]::new);
        spec.path = spec.argv[0];
        spec.env = environment(context.process.environmentArray());
        spec.defaultSignals = context.process.defaultSignals();
        spec.signalMask = Posix.heldSignals();
        return spec;
    }

    /** A child that ended before it resumed: the parent's fork() is a ProcessError. */
    static final class ChildFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ChildFailed(String message) {
            super(message, null, false, false);
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

    /** Variables the JVM reads at start: the child's JVM is its parent's (its flags), whatever the script set. */
    private static final List<String> JVM_VARIABLES = List.of("JAVA_TOOL_OPTIONS=", "_JAVA_OPTIONS=", "JDK_JAVA_OPTIONS=", "_JAVA_SR_SIGNUM=");

    /**
     * The child process's environment: the script's (which the snapshot carries too, and the
     * programs the child starts get), less what would change the child's JVM, plus its suspend signal.
     */
    private static String[] environment(String[] scriptEnvironment) {
        List<String> env = new ArrayList<>();
        for (String e : scriptEnvironment) {
            if (JVM_VARIABLES.stream().noneMatch(e::startsWith)) {
                env.add(e);
            }
        }
        env.add(ChildSignals.SUSPEND_SIGNAL);
        return env.toArray(String[]::new);
    }

    /** `java [the JVM's flags] -cp [class path] MAIN ARGS`: ForkChildMain SNAPSHOT_FD READY_FD, or SpareMain. */
    private static List<String> argv(Class<?> main, List<String> args) {
        List<String> argv = new ArrayList<>(JVM.command);
        argv.add(main.getName());
        argv.addAll(args);
        return argv;
    }

    /** `java [the JVM's flags] -cp [class path]`, worked out once: this JVM's command line does not change. */
    private static final class JVM {
        static final List<String> command = command();

        private static List<String> command() {
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
            if (argv.stream().noneMatch(f -> f.startsWith("-XX:CompileThresholdScaling="))) {
                // A child's start-up code runs once: compiling it cost more than interpreting it
                // (~440 -> ~370 ms of CPU per child, bench/run); hot script code is still compiled.
                argv.add("-XX:CompileThresholdScaling=10");
            }
            if (argv.stream().noneMatch(f -> f.startsWith("-XX:TieredStopAtLevel="))) {
                // C1 alone: with the thresholds scaled, a child's code hardly ever reached C2, and
                // tiered's profiling code cost ~30 ms more CPU per child (361 -> 329 ms, fresh children)
                argv.add("-XX:TieredStopAtLevel=1");
            }
            argv.add("-cp");
            argv.add(System.getProperty("java.class.path"));
            return List.copyOf(argv);
        }
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
