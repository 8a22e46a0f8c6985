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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.graalvm.polyglot.Context;
import dev.tine.launcher.ProcessContexts;
import dev.tine.launcher.ScriptRunner;
import dev.tine.launcher.ScriptText;
import org.graalvm.polyglot.Source;

/** The `tine` command: `tine FILE [ARGS]`, `tine -e CODE [ARGS]`, a script on stdin, or the REPL. */
public final class Main {
    /** The usage in one line, which a bad command line prints after its error. */
    static final String USAGE = "usage: tine [OPTIONS] FILE [ARGS...] | tine [OPTIONS] -e CODE [ARGS...] | tine [OPTIONS] [- ARGS...]\n"
                    + "(tine --help lists the options)";

    /** tine --help: every option the command takes, --jit too (the tine script handles it before Java starts). */
    static final String HELP = """
                    usage: tine [OPTIONS] FILE [ARGS...]     run a script; args() returns ARGS
                           tine [OPTIONS] -e CODE [ARGS...]  run code given on the command line
                           tine [OPTIONS]                    the REPL when stdin is a terminal; otherwise the script read from stdin
                           tine [OPTIONS] - [ARGS...]        the script read from stdin, with ARGS

                    options (before FILE, -e or -):
                      --jit                       the optimizing runtime: Graal compiles hot code (starts slower); must come first
                      --inspect[=[HOST:]PORT]     debug in Chrome DevTools: open the devtools:// address it prints (waits at line 1)
                      --cpusampler                print a CPU sampling profile at exit (--cpusampler.Output=calltree, ...)
                      --coverage                  print statement/line coverage at exit (--coverage.Output=detailed, ...)
                      --tine.TraceFork            print on stderr which path each fork() took and why
                      --tine.ForkPath=auto|spare|fresh
                                                  how fork() makes a child: auto (the default: posix_spawn for a child that
                                                  only sets up fds and execs, else the warm spare or a fresh runtime), spare
                                                  (always a full runtime, the spare where it can be), fresh (always a runtime
                                                  started for that child)
                      --tine.AllowExec            let exec() replace the process in an embedded context (tine always does)
                      --NAME[=VALUE]              any other option of the polyglot context: the engine's (--engine.NAME=VALUE)
                                                  and the tools' (--inspect.Suspend=false, --cpusampler.Output=histogram, ...)
                      --version                   print "tine VERSION" and exit
                      --help, -h                  print this help and exit

                    environment: JAVA_HOME (a JDK 21 or newer to run on), TINE_JAVA_OPTS (more options for the JVM)
                    exit status: the script's exit(code); 0 when it ends; 1 on an uncaught error; 2 on a syntax error
                    or a bad command line""";

    private Main() {
    }

    /** The project's version, which the build writes into version.properties. */
    static String version() {
        Properties properties = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // as if it were missing
        }
        return properties.getProperty("version", "(unknown version)");
    }

    public static void main(String[] args) {
        ProcessContexts.runAndExit(() -> run(args));
    }

    static int run(String[] commandLine) {
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        // Leading --name[=value] arguments are options of the polyglot context (tools, engine).
        Map<String, String> options = new LinkedHashMap<>();
        int first = 0;
        while (first < commandLine.length && commandLine[first].startsWith("--") && commandLine[first].length() > 2
                        && !commandLine[first].equals("--help") && !commandLine[first].equals("--version")) {
            String option = commandLine[first++].substring(2);
            int eq = option.indexOf('=');
            String key = eq < 0 ? option : option.substring(0, eq);
            if (key.equals("jit")) { // ./tine takes it, and only as its first argument
                err.println("tine: --jit must be the first argument\n" + USAGE);
                return ScriptRunner.SYNTAX_ERROR;
            }
            options.put(key, eq < 0 ? "true" : option.substring(eq + 1));
        }
        String[] args = Arrays.copyOfRange(commandLine, first, commandLine.length);
        Source source;
        String[] scriptArgs;
        String name = args.length > 0 && !args[0].equals("-") ? args[0] : "<stdin>";
        try {
            if (args.length > 0 && (args[0].equals("-h") || args[0].equals("--help"))) {
                System.out.println(HELP);
                return 0;
            } else if (args.length > 0 && args[0].equals("--version")) {
                System.out.println("tine " + version());
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
                String text = ScriptText.decode(Files.readAllBytes(Path.of(args[0])), name);
                source = Source.newBuilder("tine", text, name).build();
                scriptArgs = Arrays.copyOfRange(args, 1, args.length);
            } else if (Boolean.getBoolean("tine.stdinIsTerminal") && args.length == 0) {
                return Repl.run(err, options);
            } else {
                String text = ScriptText.decode(System.in.readAllBytes(), name);
                source = Source.newBuilder("tine", text, name).build();
                scriptArgs = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
            }
        } catch (ScriptText.NotUtf8 e) {
            err.println(e.getMessage());
            return ScriptRunner.SYNTAX_ERROR;
        } catch (NoSuchFileException e) {
            err.println("tine: cannot open '" + name + "': no such file");
            return ScriptRunner.SYNTAX_ERROR;
        } catch (IOException e) {
            err.println("tine: cannot read '" + name + "': " + e.getMessage());
            return ScriptRunner.SYNTAX_ERROR;
        }
        Context context;
        try {
            context = ProcessContexts.newContext(System.in, scriptArgs, options);
        } catch (IllegalArgumentException e) {
            err.println("tine: " + e.getMessage() + "\n" + USAGE);
            return ScriptRunner.SYNTAX_ERROR;
        }
        try (context) {
            return ScriptRunner.eval(context, source, err).status();
        }
    }
}
