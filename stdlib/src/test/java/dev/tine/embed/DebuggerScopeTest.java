package dev.tine.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.Test;

import com.oracle.truffle.api.debug.Breakpoint;
import com.oracle.truffle.api.debug.DebugScope;
import com.oracle.truffle.api.debug.DebugStackFrame;
import com.oracle.truffle.api.debug.DebugValue;
import com.oracle.truffle.api.debug.Debugger;
import com.oracle.truffle.api.debug.DebuggerSession;
import com.oracle.truffle.api.debug.SuspendedEvent;

/** What Truffle's debugger sees of a suspended Tine frame: its locals, arguments, captured variables and the globals. */
class DebuggerScopeTest {
    private static final String SCRIPT = """
                    let g = 10
                    fn outer(n) {
                        let add = fn (a, b) {
                            let sum = a + b
                            if sum > 0 {
                                let inner = sum * 2
                                return inner + g + n
                            }
                            return sum
                        }
                        return add(3, 4)
                    }
                    let big = 123456789012345678901234567890
                    print(outer(100))
                    """;

    /** Name -> display string of every variable in a scope, in the order the scope lists them. */
    private static Map<String, String> variables(DebugScope scope) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (DebugValue v : scope.getDeclaredValues()) {
            vars.put(v.getName(), v.toDisplayString());
        }
        return vars;
    }

    @Test
    void breakpointInAClosureShowsLocalsArgumentsCapturesAndGlobals() {
        List<Map<String, String>> scopes = new ArrayList<>();
        List<String> frames = new ArrayList<>();
        try (Context context = Context.newBuilder("tine").option("engine.WarnInterpreterOnly", "false").build()) {
            Source source = Source.newBuilder("tine", SCRIPT, "scopes.tine").buildLiteral();
            Debugger debugger = Debugger.find(context.getEngine());
            try (DebuggerSession session = debugger.startSession((SuspendedEvent event) -> {
                DebugStackFrame top = event.getTopStackFrame();
                for (DebugScope s = top.getScope(); s != null; s = s.getParent()) {
                    scopes.add(variables(s));
                }
                scopes.add(variables(event.getSession().getTopScope("tine")));
                for (DebugStackFrame f : event.getStackFrames()) {
                    frames.add(f.getName() + ":" + variables(f.getScope()).keySet());
                }
            })) {
                session.install(Breakpoint.newBuilder(source.getURI()).lineIs(7).build());
                context.eval(source);
            }
        }
        assertEquals(2, scopes.size(), "the function's scope, then the globals: " + scopes);
        // innermost first: the block's local, then the function's, its arguments, what it captured
        assertEquals(Map.of("inner", "14", "sum", "7", "a", "3", "b", "4", "n", "100"), scopes.get(0));
        assertEquals(List.of("inner", "sum", "a", "b", "n"), new ArrayList<>(scopes.get(0).keySet()));
        Map<String, String> globals = scopes.get(scopes.size() - 1);
        assertEquals("10", globals.get("g"));
        assertNotNull(globals.get("outer"));
        // frames below: outer sees its argument and its local `add`; <main> no local
        assertEquals(List.of("add:[inner, sum, a, b, n]", "outer:[add, n]", "<main>:[]"), frames);
    }

    @Test
    void aBigIntIsANumberToTheDebugger() {
        List<String> seen = new ArrayList<>();
        try (Context context = Context.newBuilder("tine").option("engine.WarnInterpreterOnly", "false").build()) {
            Source source = Source.newBuilder("tine", SCRIPT, "big.tine").buildLiteral();
            try (DebuggerSession session = Debugger.find(context.getEngine()).startSession(event -> {
                DebugValue big = event.getSession().getTopScope("tine").getDeclaredValue("big");
                seen.add(big.toDisplayString() + " " + big.isNumber() + " " + big.fitsInBigInteger());
            })) {
                session.install(Breakpoint.newBuilder(source.getURI()).lineIs(14).build());
                context.eval(source);
            }
        }
        assertEquals(List.of("123456789012345678901234567890 true true"), seen);
    }

    /** Every statement, stepped into one by one: each frame's scope reads without error, and the loop and catch variables show where they live. */
    @Test
    void steppingThroughEveryStatementReadsEveryScope() {
        String script = """
                        fn each(xs, f) { for x in xs { f(x) } }
                        let seen = []
                        each([1, 2], fn (v) {
                            try { if v > 1 { throw error("ValueError", "big") } } catch e { push(seen, e.kind) }
                            let i = 0
                            while i < v { i += 1 }
                            push(seen, i)
                        })
                        print(seen)
                        """;
        List<String> steps = new ArrayList<>();
        try (Context context = Context.newBuilder("tine").option("engine.WarnInterpreterOnly", "false").build()) {
            try (DebuggerSession session = Debugger.find(context.getEngine()).startSession(event -> {
                StringBuilder step = new StringBuilder().append(event.getSourceSection().getStartLine());
                for (DebugStackFrame f : event.getStackFrames()) {
                    step.append(' ').append(f.getName()).append(variables(f.getScope()));
                }
                steps.add(step.toString());
                event.prepareStepInto(1);
            })) {
                session.suspendNextExecution();
                context.eval(Source.newBuilder("tine", script, "steps.tine").buildLiteral());
            }
        }
        assertTrue(steps.size() > 20, steps.toString());
        assertTrue(steps.contains("1 each{x=2, xs=[1, 2], f=<fn <fn>>} <main>{}"), steps.toString());
        assertTrue(steps.stream().anyMatch(s -> s.startsWith("4 <fn>{e={\"kind\": \"ValueError\", \"message\": \"big\"}, v=2}")), steps.toString());
        assertTrue(steps.stream().anyMatch(s -> s.startsWith("6 <fn>{i=1, v=2}")), steps.toString());
    }
}
