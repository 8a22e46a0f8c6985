package dev.tine;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.TruffleLanguage.ContextReference;
import com.oracle.truffle.api.TruffleLanguage.Env;
import com.oracle.truffle.api.nodes.Node;

import dev.tine.fork.Rehearsal;
import dev.tine.fork.ResumeState;
import dev.tine.fork.Spare;
import dev.tine.posix.HeldFds;
import dev.tine.posix.Posix;
import dev.tine.runtime.GlobalCell;
import dev.tine.runtime.ProcessState;
import dev.tine.runtime.ScriptOutput;
import dev.tine.runtime.SignalHandlerRootNode;
import dev.tine.runtime.StdinLines;

/** The state of one running Tine program: globals, built-ins, streams, the call depth. */
public final class TineContext {
    private static final ContextReference<TineContext> REFERENCE = ContextReference.create(TineLanguage.class);

    public final TineLanguage language;
    public final Env env;
    private final Map<String, GlobalCell> globals = new java.util.LinkedHashMap<>(); // the host lists them in order
    /** The prelude's functions (written in Tine, made per context); the language has the others. */
    private final Map<String, Object> builtins = new HashMap<>();
    public final PrintStream out;
    public final PrintStream err;
    private StdinLines in;
    public int callDepth;
    private final boolean processAllowed;
    public final boolean processMode;
    /** The process state the script owns; while fork() rehearses its child (Rehearsal), the child's copy. */
    public ProcessState process;
    /** The OS, as this context may use it: native, or refusing (a sandbox); while fork() rehearses, a recorder. */
    public Posix posix;
    /** The fd numbers 0-255 held for the script (the tine command's process), or HeldFds.NONE. */
    public final HeldFds heldFds;
    /** While fork() rehearses its child in this context: the rehearsal (see Rehearsal.of). */
    public Rehearsal rehearsal;
    /** The eventfd that wakes this context's blocking waits (see Blocking); made at the first, closed with the context. */
    public dev.tine.posix.Blocking.Wakeup wakeup;
    /** The next fork() child, started ahead (see Spare); null if none is waiting. */
    public Spare spare;
    /** Spares cannot start here (too few fds allowed ...): every fork() child starts afresh. */
    public boolean noSpares;
    /** While a new spare's start is due (Spare.replenishSoon): the snapshot whose sources it gets. */
    public byte[] pendingSpare;
    /** The last fork() came before its spare was ready (forks back to back): the next spare starts at once. */
    public boolean sparesLag;
    /** In a fork child, until its fork() has returned 0: where to resume (see ResumeState.of). */
    public ResumeState resume;
    /** What args() returns: the application arguments, or in a fork child the parent's. */
    public String[] arguments;

    TineContext(TineLanguage language, Env env) {
        this.language = language;
        this.env = env;
        this.processMode = env.getOptions().get(TineOptions.ProcessMode);
        this.out = new PrintStream(new BufferedOutputStream(scriptOutput(env.out()), 1 << 16), false, StandardCharsets.UTF_8);
        this.err = new PrintStream(scriptOutput(env.err()), true, StandardCharsets.UTF_8);
        this.processAllowed = env.isCreateProcessAllowed() && env.isNativeAccessAllowed();
        this.posix = Posix.forContext(processAllowed);
        this.arguments = env.getApplicationArguments();
        this.process = new ProcessState(env.getEnvironment(), initialDirectory(env));
        this.heldFds = HeldFds.forProcess(posix, processMode);
        created(this);
    }

    /** The held fd numbers as pipe, open, dup and close take and give them back: none while fork() rehearses (the recorder numbers the child's fds). */
    public HeldFds fds() {
        return rehearsal == null ? heldFds : HeldFds.NONE;
    }

    /** In the tine command, output whose reader is gone ends the script as SIGPIPE would (ScriptOutput). */
    private OutputStream scriptOutput(OutputStream stream) {
        return processMode ? new ScriptOutput(stream, this) : stream;
    }

    private static String initialDirectory(Env env) {
        try {
            return env.getCurrentWorkingDirectory().toString();
        } catch (SecurityException e) {
            // A context without IO: processes it may start still run in the host's directory.
            return System.getProperty("user.dir");
        }
    }

    /**
     * While this JVM has made one context only (the tine command, a fork child), every node runs
     * in it: get() answers without the thread-local lookup that ContextReference costs in the
     * interpreter (a good part of a call's time). A second context ends that for good.
     */
    private static final Assumption ONE_CONTEXT = Truffle.getRuntime().createAssumption("one Tine context in this JVM");
    private static TineContext first;

    private static synchronized void created(TineContext context) {
        if (first == null) {
            first = context;
        } else {
            ONE_CONTEXT.invalidate();
        }
    }

    public static TineContext get(Node node) {
        if (CompilerDirectives.inInterpreter() && ONE_CONTEXT.isValid()) { // compiled, the reference is a constant
            TineContext only = first;
            if (only != null) {
                return only;
            }
        }
        return REFERENCE.get(node);
    }

    void installPrelude(CallTarget prelude) {
        prelude.call();
        // The prelude's functions are built-ins: visible everywhere, shadowed by a script's globals.
        for (GlobalCell cell : globals.values()) {
            builtins.put(cell.name, cell.read());
            cell.undefine(); // a built-in now, no longer a global: a read that kept the cell asks again
        }
        globals.clear();
        globalsVersion++;
    }

    /** Truffle's working directory (relative TruffleFiles) follows the script's, process.cwd. */
    @TruffleBoundary
    public void followCwd() {
        try {
            env.setCurrentWorkingDirectory(env.getPublicTruffleFile(process.cwd));
        } catch (SecurityException | IllegalArgumentException | UnsupportedOperationException e) {
            // a context without file access: nothing of Truffle's to move
        }
    }

    private CallTarget signalEntry;

    /** The call target through which this context's signal handlers run. */
    @TruffleBoundary
    public synchronized CallTarget signalEntry() {
        if (signalEntry == null) {
            signalEntry = new SignalHandlerRootNode(language).getCallTarget();
        }
        return signalEntry;
    }

    public boolean processAllowed() {
        return processAllowed;
    }

    /** Counts the global cells made and dropped: a global read that found a built-in asks again when it changes (ReadGlobalNode). */
    public int globalsVersion;

    @TruffleBoundary
    public GlobalCell globalCell(String name) {
        GlobalCell cell = globals.get(name);
        if (cell == null) {
            cell = new GlobalCell(name);
            globals.put(name, cell);
            globalsVersion++;
        }
        return cell;
    }

    @TruffleBoundary
    public GlobalCell existingGlobal(String name) {
        return globals.get(name);
    }

    /** A built-in: the prelude's functions, then the language's. */
    @TruffleBoundary
    public Object builtin(String name) {
        Object prelude = builtins.get(name);
        return prelude != null ? prelude : language.builtin(name);
    }

    public Map<String, GlobalCell> globals() {
        return globals;
    }


    @TruffleBoundary
    public StdinLines stdin() {
        if (in == null) {
            in = new StdinLines(env.in());
        }
        return in;
    }

    /** What read_line() has read ahead of the script, for a fork child; empty if it never read. */
    @TruffleBoundary
    public StdinLines.ReadAhead stdinReadAhead() {
        return in == null ? StdinLines.ReadAhead.NONE : in.readAhead();
    }

    @TruffleBoundary
    public void flush() {
        out.flush();
        err.flush();
    }
}
