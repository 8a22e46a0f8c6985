package dev.tine.launcher;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.io.IOAccess;

/** The context a Tine process runs its script in: everything allowed, exit and exec with their process meaning. */
public final class ProcessContexts {
    private ProcessContexts() {
    }

    public static Context newContext(InputStream in, String[] scriptArgs) {
        return newContext(in, scriptArgs, java.util.Map.of());
    }

    /**
     * With options for the engine and its tools, e.g. {@code inspect}, {@code cpusampler},
     * {@code coverage} (from `tine --inspect ...`); an unknown option is an IllegalArgumentException.
     */
    public static Context newContext(InputStream in, String[] scriptArgs, java.util.Map<String, String> options) {
        return Context.newBuilder("tine")
                        .options(options)
                        .allowExperimentalOptions(!options.isEmpty())
                        .in(in)
                        .out(new FileOutputStream(FileDescriptor.out))
                        .err(new FileOutputStream(FileDescriptor.err))
                        .arguments("tine", scriptArgs)
                        .allowCreateProcess(true)
                        .allowNativeAccess(true)
                        .allowIO(IOAccess.ALL)
                        .allowEnvironmentAccess(EnvironmentAccess.INHERIT)
                        .option("tine.ProcessMode", "true")
                        .option("tine.LaunchOptions", dev.tine.fork.LaunchPolicy.encodeOptions(options))
                        .option("engine.WarnInterpreterOnly", "false")
                        .build();
    }

    /**
     * Runs a script's main on a thread with a deep stack (so runaway recursion ends in a
     * ValueError, not a crash) and exits the JVM with its status. Never prints a Java stack trace.
     */
    public static void runAndExit(java.util.function.IntSupplier main) {
        int[] status = {0};
        Thread thread = new Thread(null, () -> {
            try {
                status[0] = main.getAsInt();
            } catch (org.graalvm.polyglot.PolyglotException e) {
                // After exit(), Context.close() throws the exit again: that is the status, not an error.
                if (!e.isExit()) {
                    System.err.println("error: internal error in tine: " + e);
                }
                status[0] = e.isExit() ? e.getExitStatus() : ScriptRunner.INTERNAL_ERROR;
            } catch (Throwable t) {
                System.err.println("error: internal error in tine: " + t);
                status[0] = ScriptRunner.INTERNAL_ERROR;
            }
        }, "tine", 1L << 30);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            status[0] = ScriptRunner.UNCAUGHT_ERROR;
        }
        System.out.flush();
        System.exit(status[0]);
    }
}
