package dev.tine.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import dev.tine.launcher.ProcessContexts;
import dev.tine.launcher.ScriptRunner;
import dev.tine.runtime.Printer;

/**
 * The interactive prompt (JLine): line editing, history in ~/.tine_history, multi-line entries
 * while the input is incomplete, completion of keywords, globals and built-ins. Each entry is
 * evaluated in one context that lives as long as the session; an expression's value is echoed
 * as {@code => value}. Ctrl-C clears the line, or interrupts the running evaluation; Ctrl-D quits.
 */
final class Repl {
    static final String PROMPT = "tine> ";
    static final String CONTINUATION = "  ... ";
    static final String HELP = """
                    Enter Tine statements; an expression's value is shown as => value.
                    An entry goes on over several lines while brackets, braces or a string are open.
                      :help   this text
                      :quit   leave (also Ctrl-D, or exit())
                    Keys: Tab completes names, Up/Down and Ctrl-R search the history (~/.tine_history),
                    Ctrl-C clears the line or stops what is running.""";

    private final PrintStream err;
    private final Map<String, String> options;
    private Terminal terminal;
    private volatile Context context;
    private volatile boolean evaluating;
    private volatile boolean reset;
    /** Ctrl-C during this evaluation (it may end on its own first: a foreground child killed by the same SIGINT). */
    private volatile boolean interruptRequested;
    private int entries;

    private Repl(PrintStream err, Map<String, String> options) {
        this.err = err;
        this.options = options;
    }

    static int run(PrintStream err, Map<String, String> options) {
        return new Repl(err, options).loop();
    }

    Context context() {
        return context;
    }

    private int loop() {
        Logger.getLogger("org.jline").setLevel(Level.OFF); // no logging of terminal probing on the user's screen
        try {
            terminal = TerminalBuilder.builder().system(true).name("tine").build();
        } catch (IOException e) {
            err.println("tine: cannot open the terminal: " + e.getMessage());
            return ScriptRunner.INTERNAL_ERROR;
        }
        try {
            newContext();
        } catch (IllegalArgumentException e) {
            err.println("tine: " + e.getMessage() + "\n" + Main.USAGE);
            return ScriptRunner.SYNTAX_ERROR;
        }
        catchInterrupts();
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("tine")
                        .parser(new ReplParser(this))
                        .completer(new ReplCompleter(this))
                        .variable(LineReader.HISTORY_FILE, historyFile())
                        .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
                        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // '!' is an ordinary character
                        .option(LineReader.Option.INSERT_TAB, false)
                        .build();
        PrintWriter out = terminal.writer();
        try {
            while (true) {
                String line;
                try {
                    line = reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C: a fresh line
                } catch (EndOfFileException e) {
                    out.println(); // Ctrl-D: the shell's prompt on a line of its own
                    out.flush();
                    return ScriptRunner.OK;
                }
                String entry = line.strip();
                if (entry.isEmpty()) {
                    continue;
                } else if (entry.equals(":quit") || entry.equals(":q")) {
                    return ScriptRunner.OK;
                } else if (entry.equals(":help") || entry.equals(":h")) {
                    out.println(HELP);
                    out.flush();
                    continue;
                } else if (entry.startsWith(":") && entry.matches(":[a-z]+")) {
                    out.println("unknown command " + entry + " (:help lists them)");
                    out.flush();
                    continue;
                }
                Integer status = evaluate(line, out);
                if (status != null) {
                    return status;
                }
            }
        } finally {
            try {
                reader.getHistory().save();
                terminal.close();
            } catch (IOException e) {
                // leaving anyway
            }
            try {
                context.close();
            } catch (PolyglotException e) {
                // an exit() while closing
            }
        }
    }

    /** ~/.tine_history, where ~ is $HOME as for the shell (the JVM's user.home comes from the password file). */
    static Path historyFile() {
        String home = System.getenv("HOME");
        return Path.of(home != null && !home.isEmpty() ? home : System.getProperty("user.home"), ".tine_history");
    }

    /** Runs one entry; returns an exit status when the session ends (the script called exit). */
    private Integer evaluate(String code, PrintWriter out) {
        Source source = Source.newBuilder("tine", code, "<repl-" + (++entries) + ">").buildLiteral();
        Value value;
        interruptRequested = false;
        evaluating = true;
        try {
            value = context.eval(source);
        } catch (PolyglotException e) {
            if (e.isExit()) {
                return e.getExitStatus();
            } else if (e.isInterrupted() || e.isCancelled() || reset || interruptRequested) {
                err.println("interrupted" + (reset ? " (the evaluation did not stop in time: the session starts afresh)" : ""));
                if (reset) {
                    newContext();
                    catchInterrupts();
                }
            } else {
                ScriptRunner.report(e, err);
            }
            return null;
        } finally {
            endEvaluation();
        }
        if (interruptRequested) {
            err.println("interrupted");
        } else if (!value.isNull()) {
            out.println("=> " + display(value));
            out.flush();
        }
        return null;
    }

    /** A value as it shows inside a list: strings quoted. */
    static String display(Value v) {
        return v.isString() ? Printer.quote(v.asString()) : v.toString();
    }

    private void newContext() {
        reset = false;
        context = ProcessContexts.newContext(new ReplInput(terminal, () -> interruptRequested = true), new String[0], options);
        context.initialize("tine");
    }

    /**
     * Ctrl-C sends SIGINT to the foreground process group: the programs the script started in
     * it stop, and here the JVM's handler hands it to JLine, which interrupts its readLine or,
     * between two readLines, calls us. (A new context sets SIGINT to its default, which would
     * end the session: hence this after every new context.)
     */
    @SuppressWarnings("restriction")
    private void catchInterrupts() {
        terminal.handle(Terminal.Signal.INT, signal -> interruptEvaluation());
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> terminal.raise(Terminal.Signal.INT));
        } catch (IllegalArgumentException e) {
            // the JVM runs with -Xrs: Ctrl-C ends the session
        }
    }

    private final Object lock = new Object();
    private Thread stopper;

    /**
     * Waits for a Ctrl-C's stopper, so that it cannot reach into the next readLine (the
     * evaluation may have ended on its own before the interrupt), and clears the thread's
     * interrupt status.
     */
    private void endEvaluation() {
        Thread s;
        synchronized (lock) {
            evaluating = false;
            s = stopper;
            stopper = null;
        }
        if (s != null) {
            try {
                s.join(10_000);
            } catch (InterruptedException e) {
                // cleared below
            }
        }
        Thread.interrupted();
    }

    /** From the signal thread: stop the running evaluation, politely, then by force. */
    private void interruptEvaluation() {
        synchronized (lock) {
            if (!evaluating || stopper != null) {
                return;
            }
            interruptRequested = true;
            stopper = newStopper(context);
            stopper.start();
        }
    }

    private Thread newStopper(Context running) {
        Thread thread = new Thread(() -> {
            try {
                running.interrupt(Duration.ofSeconds(2));
            } catch (TimeoutException e) {
                reset = true;
                running.close(true);
            } catch (IllegalStateException | PolyglotException e) {
                // it ended meanwhile
            }
        }, "tine-interrupt");
        thread.setDaemon(true);
        return thread;
    }
}
