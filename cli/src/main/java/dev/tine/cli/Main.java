package dev.tine.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.IOAccess;

/** The `tine` command: `tine FILE [ARGS]`, `tine -e CODE [ARGS]`, a script on stdin, or the REPL. */
public final class Main {
    static final String USAGE = "usage: tine FILE [ARGS...] | tine -e CODE [ARGS...] | tine (REPL, or a script on stdin)";
    /** The script runs on a thread with a deep stack, so recursion ends in ValueError long before a crash. */
    private static final long STACK_SIZE = 1L << 30;

    private Main() {
    }

    public static void main(String[] args) {
        int[] status = {0};
        Thread main = new Thread(null, () -> {
            try {
                status[0] = run(args);
            } catch (Throwable t) {
                // Never a Java stack trace for the user: one line, and the status of an internal error.
                System.err.println("error: internal error in tine: " + t);
                status[0] = ScriptRunner.INTERNAL_ERROR;
            }
        }, "tine", STACK_SIZE);
        main.start();
        try {
            main.join();
        } catch (InterruptedException e) {
            status[0] = 1;
        }
        System.exit(status[0]);
    }

    static int run(String[] args) {
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        Source source;
        String[] scriptArgs;
        try {
            if (args.length > 0 && (args[0].equals("-h") || args[0].equals("--help"))) {
                System.out.println(USAGE);
                return 0;
            } else if (args.length > 0 && args[0].equals("-e")) {
                if (args.length < 2) {
                    err.println("tine: -e needs an argument\n" + USAGE);
                    return ScriptRunner.SYNTAX_ERROR;
                }
                source = Source.newBuilder("tine", args[1], "-e").build();
                scriptArgs = Arrays.copyOfRange(args, 2, args.length);
            } else if (args.length > 0 && args[0].startsWith("-") && !args[0].equals("-")) {
                err.println("tine: unknown option " + args[0] + "\n" + USAGE);
                return ScriptRunner.SYNTAX_ERROR;
            } else if (args.length > 0 && !args[0].equals("-")) {
                String text = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
                source = Source.newBuilder("tine", text, args[0]).build();
                scriptArgs = Arrays.copyOfRange(args, 1, args.length);
            } else if (Boolean.getBoolean("tine.stdinIsTerminal") && args.length == 0) {
                return Repl.run(err);
            } else {
                String text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
                source = Source.newBuilder("tine", text, "<stdin>").build();
                scriptArgs = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
            }
        } catch (NoSuchFileException e) {
            err.println("tine: cannot open '" + args[0] + "': no such file");
            return ScriptRunner.SYNTAX_ERROR;
        } catch (IOException e) {
            err.println("tine: cannot read '" + args[0] + "': " + e.getMessage());
            return ScriptRunner.SYNTAX_ERROR;
        }
        try (Context context = newContext(System.in, scriptArgs)) {
            return ScriptRunner.eval(context, source, err).status();
        }
    }

    /** A context with the process-level meaning of exit and exec, as the command gives them. */
    static Context newContext(InputStream in, String[] scriptArgs) {
        return Context.newBuilder("tine")
                        .in(in)
                        .out(new FileOutputStream(FileDescriptor.out))
                        .err(new FileOutputStream(FileDescriptor.err))
                        .arguments("tine", scriptArgs)
                        .allowCreateProcess(true)
                        .allowNativeAccess(true)
                        .allowIO(IOAccess.ALL)
                        .allowEnvironmentAccess(EnvironmentAccess.INHERIT)
                        .option("tine.ProcessMode", "true")
                        .option("engine.WarnInterpreterOnly", "false")
                        .build();
    }
}
