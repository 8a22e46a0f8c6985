package dev.tine.launcher;

import java.io.PrintStream;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;

/** Runs a source and reports its outcome as LANGUAGE.md says: exit statuses and error lines on stderr. */
public final class ScriptRunner {
    public static final int OK = 0;
    public static final int UNCAUGHT_ERROR = 1;
    public static final int SYNTAX_ERROR = 2;
    /** A bug in Tine itself, never a script's fault. */
    public static final int INTERNAL_ERROR = 70;

    private ScriptRunner() {
    }

    /** The result of an evaluation: its value, or the exit status it ended with. */
    public record Outcome(Value value, int status) {
    }

    public static Outcome eval(Context context, Source source, PrintStream err) {
        try {
            return new Outcome(context.eval(source), OK);
        } catch (PolyglotException e) {
            return new Outcome(null, report(e, err));
        }
    }

    private static void flushRepeats(PrintStream err, int repeats) {
        if (repeats > 2) {
            err.println("  [previous line repeated " + (repeats - 2) + " more times]");
        }
    }

    public static int report(PolyglotException e, PrintStream err) {
        if (e.isExit()) {
            return e.getExitStatus();
        }
        if (e.isSyntaxError()) {
            err.println(e.getMessage());
            return SYNTAX_ERROR;
        }
        if (e.isInternalError() || e.isHostException() || !e.isGuestException()) {
            err.println("error: internal error in tine: " + e.getMessage());
            err.println("  (this is a bug in Tine; please report it with the script that caused it)");
            return INTERNAL_ERROR;
        }
        if (e.isCancelled() || e.isInterrupted()) {
            err.println("error: interrupted");
            return UNCAUGHT_ERROR;
        }
        err.println("error: " + e.getMessage());
        String previous = null;
        int repeats = 0;
        for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
            SourceSection at = frame.getSourceLocation();
            if (frame.isGuestFrame() && at != null && !at.getSource().isInternal()) {
                String line = "  at " + frame.getRootName() + " (" + at.getSource().getName() + ":" + at.getStartLine() + ":"
                                + at.getStartColumn() + ")";
                if (line.equals(previous) && ++repeats > 2) {
                    continue; // deep recursion: say how often instead of printing thousands of lines
                }
                flushRepeats(err, repeats);
                repeats = line.equals(previous) ? repeats : 0;
                previous = line;
                err.println(line);
            }
        }
        flushRepeats(err, repeats);
        return UNCAUGHT_ERROR;
    }
}
