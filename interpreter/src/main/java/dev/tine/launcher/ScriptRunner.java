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
        for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
            SourceSection at = frame.getSourceLocation();
            if (frame.isGuestFrame() && at != null && !at.getSource().isInternal()) {
                err.println("  at " + frame.getRootName() + " (" + at.getSource().getName() + ":" + at.getStartLine() + ":"
                                + at.getStartColumn() + ")");
            }
        }
        return UNCAUGHT_ERROR;
    }
}
