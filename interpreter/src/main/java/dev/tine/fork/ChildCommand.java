package dev.tine.fork;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How this runtime starts itself as a fork child: the same java binary, JVM flags and class path.
 * Unless the script handles signals itself, the child runs with -Xrs: the JVM then never takes
 * SIGTERM/SIGINT/SIGHUP, so one that arrives while the child starts acts as on any process.
 */
public final class ChildCommand {
    private ChildCommand() {
    }

    public static String java() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    public static List<String> argv(String snapshotPath, boolean scriptHandlesSignals) {
        List<String> argv = new ArrayList<>();
        argv.add(java());
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // a debugger agent would clash on its port; stdin-is-a-terminal is decided anew
            if (!flag.startsWith("-agentlib:jdwp") && !flag.startsWith("-Dtine.stdinIsTerminal") && !flag.equals("-Xrs")) {
                argv.add(flag);
            }
        }
        if (!scriptHandlesSignals) {
            argv.add("-Xrs");
        }
        argv.add("-cp");
        argv.add(System.getProperty("java.class.path"));
        argv.add(ForkChildMain.class.getName());
        argv.add(snapshotPath);
        return argv;
    }
}
