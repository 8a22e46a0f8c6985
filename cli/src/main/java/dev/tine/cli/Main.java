package dev.tine.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

import org.graalvm.polyglot.Context;
import dev.tine.launcher.ProcessContexts;
import dev.tine.launcher.ScriptRunner;
import org.graalvm.polyglot.Source;

/** The `tine` command: `tine FILE [ARGS]`, `tine -e CODE [ARGS]`, a script on stdin, or the REPL. */
public final class Main {
    static final String USAGE = "usage: tine FILE [ARGS...] | tine -e CODE [ARGS...] | tine (REPL, or a script on stdin)";

    private Main() {
    }

    public static void main(String[] args) {
        ProcessContexts.runAndExit(() -> run(args));
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
        try (Context context = ProcessContexts.newContext(System.in, scriptArgs)) {
            return ScriptRunner.eval(context, source, err).status();
        }
    }
}
