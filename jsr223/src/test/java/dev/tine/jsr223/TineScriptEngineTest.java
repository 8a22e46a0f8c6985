package dev.tine.jsr223;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.Invocable;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import javax.script.SimpleBindings;
import javax.script.SimpleScriptContext;

import org.graalvm.polyglot.Context;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tine through javax.script, found by name as any JSR-223 engine. */
class TineScriptEngineTest {
    private ScriptEngine engine;
    private final StringWriter out = new StringWriter();

    @BeforeEach
    void create() {
        engine = new ScriptEngineManager().getEngineByName("tine");
        assertNotNull(engine, "no engine named tine");
        engine.getContext().setWriter(out);
    }

    @AfterEach
    void close() {
        ((TineScriptEngine) engine).close();
    }

    @Test
    void foundByNameExtensionAndMimeType() {
        ScriptEngineManager manager = new ScriptEngineManager();
        assertInstanceOf(TineScriptEngine.class, manager.getEngineByExtension("tine"));
        assertInstanceOf(TineScriptEngine.class, manager.getEngineByMimeType("application/x-tine"));
        ScriptEngineFactory f = engine.getFactory();
        assertEquals("Tine", f.getEngineName());
        assertEquals("Tine", f.getParameter(ScriptEngine.LANGUAGE));
        assertEquals(List.of("tine"), f.getExtensions());
    }

    @Test
    void evalReturnsJavaValues() throws ScriptException {
        assertEquals(3L, engine.eval("1 + 2"));
        assertEquals("ab", engine.eval("\"a\" + \"b\""));
        assertEquals(2.5, engine.eval("5 / 2.0"));
        assertEquals(true, engine.eval("1 < 2"));
        assertNull(engine.eval("let unused = 1"));
        assertEquals(new BigInteger("100000000000000000000"), engine.eval("100000000000000000000"));
        assertEquals(List.of(1L, "x", List.of()), engine.eval("[1, \"x\", []]"));
        assertEquals(Map.of("a", 1L, 2L, true), engine.eval("{\"a\": 1, 2: true}"));
        assertEquals(List.of("a", "b"), List.copyOf(((Map<?, ?>) engine.eval("{\"a\": 1, \"b\": 2}")).keySet()));
    }

    @Test
    void engineScopeBindingsAreTheGlobals() throws ScriptException {
        engine.put("limit", 10);
        assertEquals(20L, engine.eval("limit * 2"));
        engine.eval("let answer = 42\nfn twice(x) { return 2 * x }");
        assertEquals(42L, engine.get("answer"));
        Bindings b = engine.getBindings(ScriptContext.ENGINE_SCOPE);
        assertTrue(b.containsKey("answer"));
        assertTrue(b.containsKey("twice"));
        assertFalse(b.containsKey("len"), "built-ins are not entries");
        assertTrue(b.keySet().containsAll(List.of("limit", "answer", "twice")));
        b.remove("answer");
        assertThrows(ScriptException.class, () -> engine.eval("answer"));
        // a Java object stays a host object; a Java function is callable
        engine.put("upper", (Function<String, String>) String::toUpperCase);
        assertEquals("HI", engine.eval("upper(\"hi\")"));
    }

    @Test
    void globalScopeAndForeignBindings() throws ScriptException {
        ScriptEngineManager manager = new ScriptEngineManager();
        manager.put("shared", "from the manager");
        ScriptEngine e = manager.getEngineByName("tine");
        assertEquals("from the manager!", e.eval("shared + \"!\""));
        SimpleBindings mine = new SimpleBindings();
        mine.put("n", 5);
        assertEquals(6L, e.eval("let m = n + 1\nm", mine));
        assertEquals(6L, mine.get("m"), "globals are copied back into foreign bindings");
        ((TineScriptEngine) e).close();
    }

    @Test
    void outputGoesToTheScriptContextWriter() throws ScriptException {
        engine.eval("print(\"héllo\", [\"x\"])");
        assertEquals("héllo [\"x\"]\n", out.toString());
        SimpleScriptContext other = new SimpleScriptContext();
        StringWriter otherOut = new StringWriter();
        other.setWriter(otherOut);
        other.setReader(new StringReader("line one\nline two\n"));
        other.setBindings(engine.getBindings(ScriptContext.ENGINE_SCOPE), ScriptContext.ENGINE_SCOPE);
        assertEquals("line one", engine.eval("print(\"in other\")\nread_line()", other));
        assertEquals("in other\n", otherOut.toString());
        assertEquals(engine.getFactory().getOutputStatement("say \"$x\"\n"), "print(\"say \\\"\\$x\\\"\\n\")");
        engine.eval(engine.getFactory().getOutputStatement("say \"$x\""));
        assertTrue(out.toString().endsWith("say \"$x\"\n"));
    }

    @Test
    void errorsAreScriptExceptionsWithTheirPlace() {
        ScriptException e = assertThrows(ScriptException.class, () -> engine.eval("let x = 1\nlet y = x + \"a\""));
        assertTrue(e.getMessage().startsWith("TypeError: cannot add int and string"), e.getMessage());
        assertEquals(2, e.getLineNumber());
        e = assertThrows(ScriptException.class, () -> engine.eval("let = 3"));
        assertTrue(e.getMessage().contains("syntax error"), e.getMessage());
        assertEquals(1, e.getLineNumber());
    }

    @Test
    void exitEndsTheEvaluationOnly() throws ScriptException {
        ScriptException e = assertThrows(ScriptException.class, () -> engine.eval("exit(4)"));
        assertTrue(e.getMessage().startsWith("exit(4)"), e.getMessage());
        assertEquals(2L, engine.eval("1 + 1"), "the engine goes on with a fresh context");
    }

    @Test
    void invocable() throws Exception {
        engine.eval("""
                        fn add(a, b) { return a + b }
                        fn greet(who) { return "hello " + who }
                        let counter = {"count": 0, "inc": fn (by) { return by + 1 }}
                        """);
        Invocable inv = (Invocable) engine;
        assertEquals(7L, inv.invokeFunction("add", 3, 4));
        assertEquals("hello you", inv.invokeFunction("greet", "you"));
        assertThrows(NoSuchMethodException.class, () -> inv.invokeFunction("nope"));
        assertThrows(ScriptException.class, () -> inv.invokeFunction("add", 1, "x"));
        Object counter = engine.get("counter");
        assertEquals(3L, inv.invokeMethod(counter, "inc", 2));
        Greeter g = inv.getInterface(Greeter.class);
        assertEquals("hello proxy", g.greet("proxy"));
        assertEquals(5, g.add(2, 3));
    }

    public interface Greeter {
        String greet(String who);

        int add(int a, int b);
    }

    @Test
    void compilable() throws ScriptException {
        CompiledScript script = ((Compilable) engine).compile("let total = total + step\ntotal");
        engine.put("total", 0);
        engine.put("step", 5);
        assertEquals(5L, script.eval());
        assertEquals(10L, script.eval());
        assertEquals(engine, script.getEngine());
        assertThrows(ScriptException.class, () -> ((Compilable) engine).compile("fn ("));
    }

    @Test
    void aSandboxedEngine() throws ScriptException {
        try (TineScriptEngine sandboxed = new TineScriptEngine(Context.newBuilder("tine"))) {
            assertEquals(1L, sandboxed.eval("1"));
            ScriptException e = assertThrows(ScriptException.class, () -> sandboxed.eval("run([\"true\"])"));
            assertTrue(e.getMessage().startsWith("SecurityError"), e.getMessage());
        }
    }
}
