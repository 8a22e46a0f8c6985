package dev.tine.jsr223;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.ScriptContext;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import javax.script.SimpleBindings;
import javax.script.SimpleScriptContext;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each evaluation sees the globals of its own bindings only, and bindings that refuse writes work. */
class ScopesTest {
    private final TineScriptEngine engine = (TineScriptEngine) new ScriptEngineManager().getEngineByName("tine");

    @AfterEach
    void close() {
        engine.close();
    }

    private static boolean defined(TineScriptEngine e, String name, Bindings b) throws ScriptException {
        return (Boolean) e.eval("let found = true\ntry { " + name + " } catch err { found = false }\nfound", b);
    }

    @Test
    void evaluationsWithOtherBindingsShareNoGlobals() throws ScriptException {
        engine.eval("let mine = \"engine's own\"");
        SimpleBindings first = new SimpleBindings(new HashMap<>(Map.of("user", "alice")));
        assertEquals("alice", engine.eval("let secret = user + \"'s token\"\nuser", first));
        assertEquals("alice's token", first.get("secret"), "globals are written back into the bindings");

        SimpleBindings second = new SimpleBindings(new HashMap<>(Map.of("user", "bob")));
        assertFalse(defined(engine, "secret", second), "a second request must not see the first one's globals");
        assertFalse(defined(engine, "mine", second), "nor the engine's own scope");
        assertNull(second.get("secret"));
        assertEquals("engine's own", engine.eval("mine"));
        assertFalse(engine.getBindings(ScriptContext.ENGINE_SCOPE).containsKey("secret"), "nor does the engine's own scope see theirs");
        assertFalse(engine.getBindings(ScriptContext.ENGINE_SCOPE).containsKey("user"));
    }

    @Test
    void createdBindingsAreScopesOfTheirOwn() throws ScriptException {
        Bindings a = engine.createBindings();
        Bindings b = engine.createBindings();
        engine.eval("let n = 1\nfn next() { n = n + 1\nreturn n }", a);
        assertEquals(2L, engine.eval("next()", a), "a's functions live on between its evaluations");
        assertEquals(3L, engine.eval("next()", a));
        assertFalse(defined(engine, "next", b));
        assertFalse(defined(engine, "n", engine.getBindings(ScriptContext.ENGINE_SCOPE)));
        b.put("n", 10);
        assertEquals(10L, engine.eval("n", b));
        assertEquals(3L, a.get("n"));
        assertTrue(a.keySet().containsAll(List.of("n", "next")));
        CompiledScript bump = ((Compilable) engine).compile("n = n * 2\nn");
        assertEquals(6L, bump.eval(a));
        assertEquals(20L, bump.eval(b));
        assertEquals(40L, bump.eval(b));
        assertEquals(6L, a.get("n"));
    }

    @Test
    void readOnlyBindingsGetNothingWrittenBack() throws ScriptException {
        SimpleBindings args = new SimpleBindings(Map.of("x", 2, "name", "ab"));
        assertEquals(5L, engine.eval("let y = x + len(name) + 1\ny", args));
        assertEquals(Map.of("x", 2, "name", "ab"), args, "nothing written");
        assertEquals("ab!", engine.eval("let s = name + \"!\"\ns", new SimpleBindings(Collections.unmodifiableMap(new HashMap<>(Map.of("name", "ab"))))));
        // the script's own error stands, not the refused write-back
        ScriptException e = assertThrows(ScriptException.class, () -> engine.eval("let z = 1\nlet w = x + \"s\"", args));
        assertTrue(e.getMessage().startsWith("TypeError: cannot add int and string"), e.getMessage());
        assertEquals(2, e.getLineNumber());
    }

    @Test
    void unchangedEntriesAreNotWrittenBackAndTheOutputGoesToTheContext() throws ScriptException {
        Map<String, Object> seen = new HashMap<>();
        Bindings counting = new SimpleBindings(new HashMap<>(Map.of("limit", 3))) {
            @Override
            public Object put(String name, Object value) {
                seen.put(name, value);
                return super.put(name, value);
            }
        };
        SimpleScriptContext ctx = new SimpleScriptContext();
        StringWriter out = new StringWriter();
        ctx.setWriter(out);
        ctx.setBindings(counting, ScriptContext.ENGINE_SCOPE);
        assertEquals(6L, engine.eval("let double = limit * 2\nfn f() { return 1 }\nprint(\"limit\", limit)\ndouble", ctx));
        assertEquals(Map.of("double", 6L), seen, "only what the script added or changed; not its functions");
        assertEquals("limit 3\n", out.toString());
    }

    @Test
    void exitInOtherBindingsEndsThatEvaluationOnly() throws ScriptException {
        engine.eval("let kept = 1");
        ScriptException e = assertThrows(ScriptException.class, () -> engine.eval("exit(3)", new SimpleBindings()));
        assertTrue(e.getMessage().startsWith("exit(3)"), e.getMessage());
        assertEquals(1L, engine.eval("kept"), "the engine's own scope goes on");
    }
}
