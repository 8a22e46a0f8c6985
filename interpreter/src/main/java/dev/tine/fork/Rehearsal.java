package dev.tine.fork;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.TruffleSafepoint;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.SourceSection;

import dev.tine.TineContext;
import dev.tine.TineOptions;
import dev.tine.posix.Posix;
import dev.tine.posix.PosixException;
import dev.tine.posix.SpawnSpec;
import dev.tine.runtime.Cell;
import dev.tine.runtime.GlobalCell;
import dev.tine.runtime.HostValues;
import dev.tine.runtime.ProcessState;
import dev.tine.runtime.TineList;
import dev.tine.runtime.TineMap;

/**
 * The fork-then-exec fast path. Most fork() children set up their fds and exec a program; a
 * whole runtime started for that is ~300x the cost of C's fork. So fork() first rehearses the
 * child in the parent: it resumes the captured frames (where fork() returns 0) on a copy of the
 * ProcessState, with a {@link RecordingPosix} that turns dup2, close, open, chdir, setpgid and
 * signal dispositions into posix_spawn file actions and attributes. When the child's code reaches
 * exec, the parent posix_spawns that program, and its pid is fork()'s result.
 *
 * The rehearsal leaves the parent as it was: writes to globals, captured variables, lists and
 * maps are undone, and the moment the child's code does anything else (a built-in that is not
 * {@code rehearsable}, too many steps, an error, an exec that
 * posix_spawn cannot start; a script that holds host values, which the full child sees only as
 * stand-ins, is never rehearsed), the rehearsal is dropped and fork() starts the full child from
 * the same snapshot, so what the child does is always exactly what fork() means.
 */
public final class Rehearsal {
    /** Valid until this process first rehearses: until then, compiled code has no rehearsal check. */
    private static final Assumption NEVER_REHEARSED = Truffle.getRuntime().createAssumption("no fork() rehearsal yet");
    /** Loop iterations and calls a rehearsal may take before it gives way to the full child. */
    static final int STEP_BUDGET = 10_000;

    /** The rehearsal under way in this node's context, or null. */
    public static Rehearsal of(Node node) {
        return NEVER_REHEARSED.isValid() ? null : TineContext.get(node).rehearsal;
    }

    /**
     * Before a global, a captured variable (the rehearsal's frames share the parent's cells), a
     * list or a map is changed: what it holds now comes back when the rehearsal ends.
     */
    public static void journal(Node node, Object changed) {
        Rehearsal r = of(node);
        if (r != null) {
            r.save(changed);
        }
    }

    /** A loop iteration or a call: a rehearsal runs only so long. */
    public static void step(Node node) {
        Rehearsal r = of(node);
        if (r != null && ++r.steps > STEP_BUDGET) {
            throw refuse("runs more than " + STEP_BUDGET + " loop iterations and calls");
        }
    }



    /** Ends a rehearsal: the program the child execs, or null and why the child must be a full one. */
    static final class Over extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient SpawnSpec exec;

        Over(SpawnSpec exec, String reason) {
            super(reason, null, false, false);
            this.exec = exec;
        }
    }

    private int steps;
    private final List<Runnable> undo = new ArrayList<>();
    /** The lists and maps whose contents are saved already: once each is enough. */
    private final Set<Object> saved = Collections.newSetFromMap(new IdentityHashMap<>());

    private Rehearsal() {
    }

    /** Stops the rehearsal: the child's code does what the parent cannot do on its behalf ("calls print()"). */
    @TruffleBoundary
    public static Over refuse(String what) {
        return new Over(null, "the child's code " + what);
    }

    @TruffleBoundary
    private void save(Object changed) {
        switch (changed) {
            case GlobalCell cell -> {
                Object value = cell.read();
                undo.add(() -> {
                    if (value != null) {
                        cell.set(value);
                    } else {
                        cell.undefine();
                    }
                });
            }
            case Cell cell -> {
                Object value = cell.value;
                undo.add(() -> cell.value = value);
            }
            case TineList list when saved.add(list) -> { // once each: its items at the first change
                List<Object> items = new ArrayList<>(list.items);
                undo.add(() -> {
                    list.items.clear();
                    list.items.addAll(items);
                });
            }
            case TineMap map when saved.add(map) -> {
                Map<Object, Object> entries = new LinkedHashMap<>(map.entries);
                undo.add(() -> {
                    map.entries.clear();
                    map.entries.putAll(entries);
                });
            }
            case TineList list -> {
                // saved already
            }
            case TineMap map -> {
                // saved already
            }
            default -> throw new IllegalArgumentException("not a value a rehearsal journals: " + changed);
        }
    }

    /** What a rehearsal came to: the pid of the program started as the child, or -1 (a full child is needed); and why. */
    record Outcome(int pid, String why) {
    }

    /**
     * In the parent, at fork(): rehearses the child and, when its code reaches exec, starts that
     * program as the child.
     */
    @TruffleBoundary
    static Outcome run(TineContext context, Snapshot snapshot) {
        String skip = !context.env.getOptions().get(TineOptions.ForkPath).equals("auto") ? "--tine.ForkPath=" + context.env.getOptions().get(TineOptions.ForkPath)
                        : snapshot.mustEndInHandler() ? "the child cannot return from its signal handler"
                                        : HostValues.foreignSeen() ? "the script has host values" : null;
        if (skip != null) {
            return new Outcome(-1, skip);
        }
        CompilerDirectives.transferToInterpreter();
        Posix real = context.posix;
        ProcessState parentState = context.process;
        ProcessState childState = parentState.copy();
        Rehearsal rehearsal = new Rehearsal();
        String outcome;
        SpawnSpec exec = null;
        TruffleSafepoint safepoint = TruffleSafepoint.getCurrent();
        boolean sideEffects = safepoint.setAllowSideEffects(false); // the parent's signal handlers run after fork() returns, in the parent
        try {
            context.posix = new RecordingPosix(real, childState);
            context.process = childState;
            context.rehearsal = rehearsal;
            NEVER_REHEARSED.invalidate();
            List<ResumeState.Frame> frames = new ArrayList<>();
            for (CapturedFrame f : snapshot.frames()) {
                frames.add(ResumeState.frame(f.root(), f.arguments(), f.slots(), f.position()));
            }
            ResumeState.begin(context, new ResumeState(context, frames));
            frames.get(0).root().getCallTarget().call(frames.get(0).arguments());
            outcome = "the child's script ends";
        } catch (Over over) {
            exec = over.exec;
            outcome = over.getMessage();
        } catch (AbstractTruffleException e) {
            outcome = "the child's code raises an error";
        } catch (StackOverflowError e) {
            outcome = "the child's code nests too deeply";
        } catch (RuntimeException e) { // a ControlFlowException out of the program, or a bug of Tine's
            outcome = "the child's code ends otherwise (" + e.getClass().getSimpleName() + ")"; // the full child meets it for real
        } finally {
            context.resume = null;
            context.rehearsal = null;
            context.posix = real;
            context.process = parentState;
            for (int i = rehearsal.undo.size() - 1; i >= 0; i--) {
                rehearsal.undo.get(i).run();
            }
            if (!childState.cwd.equals(parentState.cwd)) {
                context.followCwd(); // the child's chdir() moved Truffle's directory along
            }
            safepoint.setAllowSideEffects(sideEffects);
        }
        int pid = -1;
        if (exec != null) {
            try {
                pid = real.spawn(exec);
                outcome = "the child execs " + exec.path + ": started with posix_spawn";
            } catch (PosixException e) {
                outcome = "its exec of " + exec.path + " would fail (" + e.errnoName + ")";
            }
        }
        return new Outcome(pid, outcome);
    }

    /** One line per fork() on stderr (--tine.TraceFork): which path it took and why. */
    static void trace(TineContext context, Snapshot snapshot, String what) {
        if (!context.env.getOptions().get(TineOptions.TraceFork)) {
            return;
        }
        List<CapturedFrame> frames = snapshot.frames();
        CapturedFrame innermost = frames.get(frames.size() - 1);
        Node call = innermost.position() >= 0 ? NodeIndex.nodeAt(innermost.root(), innermost.position()) : null;
        SourceSection at = call == null ? null : call.getSourceSection();
        String where = at == null ? "" : " at " + at.getSource().getName() + ":" + at.getStartLine();
        context.flush();
        context.err.println("[tine] fork()" + where + ": " + what);
    }
}
