package dev.tine.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tine through the GraalVM polyglot API, as a Java application embeds it. */
class EmbeddingTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private Context context;

    @BeforeEach
    void open() {
        context = Context.newBuilder("tine").out(out).err(out).allowHostAccess(HostAccess.ALL)
                        .option("engine.WarnInterpreterOnly", "false").build();
    }

    @AfterEach
    void close() {
        context.close();
    }

    private Value eval(String code) {
        return context.eval("tine", code);
    }

    @Test
    void evalReturnsTheValueOfTheLastExpressionStatement() {
        assertEquals(3, eval("1 + 2").asLong());
        assertEquals("ab", eval("let a = \"a\"\na + \"b\"").asString());
        assertTrue(eval("let x = 1").isNull());
        assertTrue(eval("if true { 5 }").isNull());
        assertTrue(eval("").isNull());
        assertEquals(new BigInteger("18446744073709551616"), eval("2 * 9223372036854775807 + 2").asBigInteger());
        assertEquals(2.5, eval("5 / 2.0").asDouble());
        assertTrue(eval("1 < 2").asBoolean());
        // Value.toString() shows Tine values as str() does
        assertEquals("2.0", eval("4 / 2.0").toString());
        assertEquals("1e+20", eval("1e20").toString());
        assertEquals("[1.5, \"s\"]", eval("[1.5, \"s\"]").toString());
        assertEquals("s", eval("\"s\"").toString());
        assertEquals("true", eval("true").toString());
    }

    @Test
    void hostFunctionsInTheBindingsAreCalledWithTineValues() {
        Value bindings = context.getBindings("tine");
        List<Object> seen = new ArrayList<>();
        bindings.putMember("twice", (ProxyExecutable) args -> {
            seen.add(args[0].isNumber() ? args[0].asLong() : args[0].toString());
            return args[0].asInt() * 2; // an Integer comes back
        });
        assertEquals(42, eval("twice(21)").asLong());
        assertEquals("int", eval("type(twice(4))").asString());
        assertEquals(List.of(21L, 4L), seen);
        // a Java lambda, with host access allowed
        bindings.putMember("shout", (Function<String, String>) s -> s.toUpperCase() + "!");
        assertEquals("HI!", eval("shout(\"hi\")").asString());
        assertEquals("string", eval("type(shout(\"x\"))").asString());
        // host numbers, strings and booleans become Tine values
        bindings.putMember("n", 7);
        bindings.putMember("f", 1.5f);
        bindings.putMember("s", "text");
        bindings.putMember("b", true);
        bindings.putMember("c", 'c');
        bindings.putMember("big", new BigInteger("123456789012345678901234567890"));
        bindings.putMember("nothing", null);
        assertEquals("int float string bool string int null",
                        eval("type(n) + \" \" + type(f) + \" \" + type(s) + \" \" + type(b) + \" \" + type(c) + \" \" + type(big) + \" \" + type(nothing)").asString());
        assertEquals("123456789012345678901234567891", eval("str(big + 1)").asString());
        assertEquals(true, eval("n == 7 and n + 1 == 8").asBoolean());
    }

    @Test
    void hostObjectsHaveMembersAndElements() {
        Value bindings = context.getBindings("tine");
        StringBuilder sb = new StringBuilder();
        bindings.putMember("sb", sb);
        bindings.putMember("names", List.of("ada", "grace"));
        bindings.putMember("config", org.graalvm.polyglot.proxy.ProxyObject.fromMap(Map.of("retries", 3)));
        eval("sb.append(\"x\")\nsb.append(1)");
        assertEquals("x1", sb.toString());
        assertEquals("x1 2 grace ada", eval("sb.toString() + \" \" + str(sb.length()) + \" \" + names[1] + \" \" + names[-2]").asString());
        assertEquals(4, eval("config.retries + 1").asLong());
        PolyglotException e = assertThrows(PolyglotException.class, () -> eval("config.nope"));
        assertEquals("KeyError: no key \"nope\" in foreign object", e.getMessage());
    }

    @Test
    void aHostValueThatIsNotAFunctionIsNotCallable() {
        context.getBindings("tine").putMember("thing", new Object());
        PolyglotException e = assertThrows(PolyglotException.class, () -> eval("thing()"));
        assertTrue(e.getMessage().startsWith("TypeError: "), e.getMessage());
        context.getBindings("tine").putMember("one", (ProxyExecutable) args -> args.length);
        assertEquals(2, eval("one(1, \"x\")").asInt());
    }

    @Test
    void aHostExceptionReachesTheHost() {
        context.getBindings("tine").putMember("boom", (ProxyExecutable) args -> {
            throw new IllegalStateException("from the host");
        });
        PolyglotException e = assertThrows(PolyglotException.class, () -> eval("fn f() { return boom() }\nf()"));
        assertTrue(e.isHostException());
        assertEquals("from the host", e.asHostException().getMessage());
    }

    @Test
    void scriptFunctionsAndGlobalsAreMembersOfTheBindings() {
        eval("fn add(a, b) { return a + b }\nlet xs = [1, \"a\", {\"k\": null}]\nlet total = add(2, 3)");
        Value bindings = context.getBindings("tine");
        assertTrue(bindings.getMemberKeys().containsAll(Set.of("add", "xs", "total")));
        assertFalse(new ArrayList<>(bindings.getMemberKeys()).contains("len"), "built-ins are readable, not listed");
        assertTrue(bindings.getMember("len").canExecute());
        assertEquals(5, bindings.getMember("total").asLong());
        Value add = bindings.getMember("add");
        assertTrue(add.canExecute());
        assertEquals(30, add.execute(10, 20).asLong());
        assertEquals("ab", add.execute("a", "b").asString());
        assertThrows(IllegalArgumentException.class, () -> add.execute(1));
        Value xs = bindings.getMember("xs");
        assertEquals(3, xs.getArraySize());
        assertEquals(1, xs.getArrayElement(0).asLong());
        assertEquals("a", xs.getArrayElement(1).asString());
        assertTrue(xs.getArrayElement(2).getMember("k").isNull());
        assertEquals("[1, \"a\", {\"k\": null}]", xs.toString());
        xs.setArrayElement(0, 5); // an Integer from the host ...
        assertEquals("int", eval("type(xs[0])").asString()); // ... is a Tine int
        // putMember declares a global the script sees
        bindings.putMember("limit", 10);
        assertEquals(20, eval("limit * 2").asLong());
        eval("limit = 11");
        assertEquals(11, bindings.getMember("limit").asLong());
        bindings.removeMember("limit");
        PolyglotException e = assertThrows(PolyglotException.class, () -> eval("limit"));
        assertTrue(e.getMessage().startsWith("NameError"));
    }

    @Test
    void mapsExportTheirHashEntries() {
        Value m = eval("{\"a\": 1, 2: \"two\", true: [3]}");
        assertTrue(m.hasHashEntries());
        assertEquals(3, m.getHashSize());
        assertEquals(1, m.getHashValue("a").asLong());
        assertEquals("two", m.getHashValue(2).asString());
        assertEquals(3, m.getHashValue(true).getArrayElement(0).asLong());
        assertTrue(m.hasHashEntry(2L));
        assertFalse(m.hasHashEntry("zz"));
        assertEquals(1, m.getMember("a").asLong());
        Value it = m.getHashEntriesIterator();
        assertTrue(it.isIterator());
        List<String> seen = new ArrayList<>();
        while (it.hasIteratorNextElement()) {
            Value entry = it.getIteratorNextElement();
            seen.add(entry.getArrayElement(0) + "=" + entry.getArrayElement(1));
        }
        assertEquals(List.of("a=1", "2=two", "true=[3]"), seen);
        m.putHashEntry(4, "four");
        m.removeHashEntry("a");
        assertEquals("{2: \"two\", true: [3], 4: \"four\"}", m.toString());
        assertThrows(IllegalArgumentException.class, () -> m.putHashEntry(1.5, "x")); // keys are strings, ints or bools
        @SuppressWarnings("unchecked")
        Map<Object, Object> asMap = m.as(Map.class);
        assertEquals(3, asMap.size());
        assertEquals("four", asMap.get(4));
    }

    @Test
    void errorsCarryKindMessageAndLocation() {
        PolyglotException e = assertThrows(PolyglotException.class,
                        () -> context.eval(Source.create("tine", "let xs = [1]\nfn f() {\n    return xs[5]\n}\nf()")));
        assertTrue(e.isGuestException());
        assertEquals("IndexError: list index 5 out of range (size 1)", e.getMessage());
        assertNotNull(e.getSourceLocation());
        assertEquals(3, e.getSourceLocation().getStartLine());
        Value error = e.getGuestObject();
        assertEquals("IndexError", error.getMember("kind").asString());
        assertEquals("list index 5 out of range (size 1)", error.getMember("message").asString());

        // raised inside a built-in: the location is the call site
        e = assertThrows(PolyglotException.class, () -> eval("let a = 1\nlet n = len(a)"));
        assertEquals(2, e.getSourceLocation().getStartLine());
        assertEquals("TypeError", e.getGuestObject().getMember("kind").asString());

        // an OSError has its errno fields too
        Context io = Context.newBuilder("tine").allowIO(org.graalvm.polyglot.io.IOAccess.ALL).option("engine.WarnInterpreterOnly", "false").build();
        e = assertThrows(PolyglotException.class, () -> io.eval("tine", "read_file(\"/no/such/file\")"));
        assertEquals("ENOENT", e.getGuestObject().getMember("errno_name").asString());
        io.close();

        // a throw of a value that is not an error map
        e = assertThrows(PolyglotException.class, () -> eval("throw [1, 2]"));
        assertEquals("[1, 2]", e.getMessage());

        // a syntax error
        e = assertThrows(PolyglotException.class, () -> context.eval(Source.create("tine", "let x = (1")));
        assertTrue(e.isSyntaxError());
        assertEquals(1, e.getSourceLocation().getStartLine());
    }

    @Test
    void outputGoesToTheContextsStream() {
        eval("print(\"hello\", 1)");
        assertEquals("hello 1\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void scriptCallsBackIntoTineFunctionsPassedToTheHost() {
        context.getBindings("tine").putMember("apply", (ProxyExecutable) args -> args[0].execute(args[1]));
        assertEquals(9, eval("apply(fn (x) { return x * x }, 3)").asLong());
    }
}
