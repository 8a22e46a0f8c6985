package dev.tine.fork;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How this runtime starts itself as a fork child: the same java binary, JVM flags and class
 * path. The child writes one byte to fd {@code readyFd} once its state and signal handlers are
 * back, and the parent's fork() returns only then, so a signal sent right after fork() meets
 * the child as it would meet a POSIX fork child.
 */
public final class ChildCommand {
    private ChildCommand() {
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

    public static String java() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The system property that tells a fork child which fd to report readiness on. */
    public static final String READY_FD_PROPERTY = "tine.forkReadyFd";

    public static List<String> argv(String snapshotPath, int readyFd) {
        List<String> argv = new ArrayList<>();
        argv.add(java());
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // a debugger agent would clash on its port; stdin-is-a-terminal is decided anew
            // recording an AOT cache is the parent's job (./tine's training run), not the child's
            if (flag.startsWith("-agentlib:jdwp") || flag.startsWith("-Dtine.stdinIsTerminal") || flag.startsWith("-D" + READY_FD_PROPERTY)
                            || flag.startsWith("-XX:AOTCacheOutput") || flag.startsWith("-XX:AOTConfiguration") || flag.startsWith("-XX:AOTMode")) {
                continue;
            }
            argv.add(moduleOption(flag));
        }
        argv.add("-D" + READY_FD_PROPERTY + "=" + readyFd);
        argv.add("-cp");
        argv.add(System.getProperty("java.class.path"));
        argv.add(ForkChildMain.class.getName());
        argv.add(snapshotPath);
        return argv;
    }
}
