package dev.tine.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Values and exceptions of GraalJS and of the Java host inside Tine, in one polyglot context. */
class ForeignValuesTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private Context context;

    @BeforeEach
    void open() {
        context = Context.newBuilder("tine", "js").out(out).err(out).allowHostAccess(HostAccess.ALL)
                        .allowPolyglotAccess(PolyglotAccess.ALL).option("engine.WarnInterpreterOnly", "false").build();
    }

    @AfterEach
    void close() {
        context.close();
    }

    private Value tine(String code) {
        return context.eval("tine", code);
    }

    /** The value of `expr` in the `catch e` of `try { code }` (a try is a statement: eval gives no value for it). */
    private static String caught(String code, String expr) {
        return "(fn () { try { " + code + " } catch e { return " + expr + " }\nreturn \"no error\" })()";
    }

    private void put(String name, Object value) {
        context.getBindings("tine").putMember(name, value);
    }

    private Value js(String code) {
        return context.eval("js", code);
    }

    @Test
    void jsArraysAreListsToEveryOperation() {
        Value arr = js("[3, 1, 2]");
        put("arr", arr);
        assertEquals("3 6 3 2 foreign", tine("let sum = 0\nfor x in arr { sum += x }\n\"${len(arr)} ${sum} ${arr[0]} ${arr[-1]} ${type(arr)}\"").asString());
        assertEquals("[1, 2, 3]", tine("str(sort(arr))").asString());
        assertEquals("list [3, 1, 2, 4] [0, 3, 1, 2]", tine("let a = arr + [4]\n\"${type(a)} ${a} ${[0] + arr}\"").asString());
        assertTrue(tine("arr == [3, 1, 2] and [3, 1, 2] == arr and arr != [3, 1] and arr == arr").asBoolean());
        assertEquals("true false 3-1-2", tine("\"${contains(arr, 2)} ${contains(arr, 5)} ${join(arr, \"-\")}\"").asString());
        assertEquals("true false 1 d", tine("\"${has(arr, -3)} ${has(arr, 3)} ${get(arr, 1)} ${get(arr, 3, \"d\")}\"").asString());
        // past the end is an IndexError, as for lists
        assertEquals("IndexError: foreign array index 3 out of range (size 3)", tine(caught("arr[3]", "\"${e.kind}: ${e.message}\"")).asString());
        // an int past 64 bits is past every end too, not a non-int index; reading and writing alike
        assertEquals("IndexError: foreign array index 18446744073709551616 out of range (size 3)",
                        tine(caught("arr[18446744073709551616]", "\"${e.kind}: ${e.message}\"")).asString());
        assertEquals("IndexError", tine(caught("arr[-18446744073709551616] = 1", "e.kind")).asString());
        // index assignment reaches the JS array; del removes
        tine("arr[0] = 30\narr[-1] = 20");
        assertEquals(30, arr.getArrayElement(0).asInt());
        assertEquals(20, arr.getArrayElement(2).asInt());
        assertEquals(30, tine("del(arr, 0)").asInt());
        assertEquals(2, arr.getArraySize());
        // str() and interpolation show it as a list
        assertEquals("[1, 20]", tine("str(arr)").asString());
        assertEquals("[1, 20]", tine("\"${arr}\"").asString());
        assertEquals("[\"x\", [1, 20]]", tine("str([\"x\", arr])").asString());
    }

    @Test
    void jsObjectsAreMapsOfTheirMembers() {
        Value obj = js("({a: 1, b: 'x'})");
        put("obj", obj);
        assertEquals("1 x 2", tine("\"${obj.a} ${obj[\"b\"]} ${len(obj)}\"").asString());
        assertEquals("[\"a\", \"b\"] [1, \"x\"]", tine("\"${keys(obj)} ${values(obj)}\"").asString());
        assertEquals("a b ", tine("let s = \"\"\nfor k in obj { s += k + \" \" }\ns").asString());
        tine("obj.c = 5\nobj[\"a\"] = obj.a + 1");
        assertEquals(5, obj.getMember("c").asInt());
        assertEquals(2, obj.getMember("a").asInt());
        assertTrue(tine("contains(obj, \"c\") and not contains(obj, \"zz\")").asBoolean());
        assertEquals("true false 0", tine("\"${has(obj, \"c\")} ${has(obj, \"zz\")} ${get(obj, \"zz\", 0)}\"").asString());
        assertEquals("x", tine("del(obj, \"b\")").asString());
        assertFalse(obj.hasMember("b"));
        assertTrue(tine("obj == {\"a\": 2, \"c\": 5} and obj != {\"a\": 2}").asBoolean());
        assertEquals("KeyError: no key \"nope\" in foreign object", tine(caught("obj.nope", "\"${e.kind}: ${e.message}\"")).asString());
        assertEquals("KeyError", tine(caught("del(obj, \"nope\")", "e.kind")).asString());
        assertEquals("{a: 2, c: 5}", tine("str(obj)").asString());
        // a method read with .name is callable, with its `this` (JS's map passes three arguments)
        assertEquals("A,B", tine("polyglot_eval(\"js\", \"['a', 'b']\").map(fn (s, i, all) { return upper(s) }).join(\",\")").asString());
    }

    @Test
    void jsMapsAndHostCollectionsAreMapsAndLists() {
        put("m", js("new Map([[1, 'one'], ['k', 'v']])"));
        assertEquals("one v 2 [1, \"k\"]", tine("\"${m[1]} ${m.k} ${len(m)} ${keys(m)}\"").asString());
        tine("m[2] = \"two\"");
        assertEquals("two 3 one", tine("\"${m[2]} ${len(m)} ${del(m, 1)}\"").asString());
        assertEquals("KeyError", tine(caught("m[9]", "e.kind")).asString());
        List<Object> hostList = new ArrayList<>(List.of(5, 4));
        Map<String, Object> hostMap = new HashMap<>(Map.of("n", 1));
        put("hl", hostList);
        put("hm", hostMap);
        assertEquals("2 9 [4, 9]", tine("hl[1] = 9\n\"${len(hl)} ${hl[1]} ${sort([hl[1], hl[0] - 1])}\"").asString());
        assertEquals(9L, hostList.get(1)); // Tine ints are longs
        put("hs", new java.util.TreeSet<>(List.of("b", "a")));
        put("jsSet", js("new Set([3, 4])"));
        assertEquals("a b 3 4 ", tine("let s = \"\"\nfor x in hs { s += x + \" \" }\nfor x in jsSet { s += str(x) + \" \" }\ns").asString());
        tine("hm[\"added\"] = \"yes\"");
        assertEquals("yes", hostMap.get("added"));
        assertEquals("IndexError", tine(caught("hl[2]", "e.kind")).asString());
        put("fixed", List.of(1, 2));
        // what the host itself refuses is its exception (an immutable List throws)
        assertEquals("HostError java.lang.UnsupportedOperationException", tine(caught("fixed[0] = 5", "e.kind + \" \" + e.class")).asString());
        put("frozen", js("Object.freeze({a: 1})"));
        assertEquals("TypeError: cannot assign to \"b\" of this foreign value", tine(caught("frozen.b = 5", "e.kind + \": \" + e.message")).asString());
        assertEquals("IndexError", tine(caught("hl[5] = 1", "e.kind")).asString()); // past the end of a host list
    }

    @Test
    void catchTakesJsErrorsAndHostExceptionsAsErrorMaps() {
        assertEquals("JavaScript|js|TypeError: bad thing|TypeError",
                        tine(caught("polyglot_eval(\"js\", \"throw new TypeError('bad thing')\")", "\"${e.kind}|${e.language}|${e.message}|${e.error.name}\"")).asString());
        assertEquals("JavaScript", tine(caught("polyglot_eval(\"js\", \"(\")", "e.kind")).asString(), "a JS syntax error");
        put("boom", (ProxyExecutable) args -> {
            throw new IllegalStateException("from the host");
        });
        assertEquals("HostError|from the host|java.lang.IllegalStateException",
                        tine(caught("boom()", "\"${e.kind}|${e.message}|${e.class}\"")).asString());
        // an error raised in a JS callback that a Tine function passed to JS
        put("callJs", js("(f) => f()"));
        assertEquals("HostError from the host", tine(caught("callJs(fn () { return boom() })", "e.kind + \" \" + e.message")).asString());
        // Tine's own errors still come through JS unchanged
        assertEquals("KeyError", tine(caught("callJs(fn () { return {}.x })", "e.kind")).asString());
    }

    @Test
    void finallyRunsWhenAForeignExceptionPassesThrough() {
        put("boom", (ProxyExecutable) args -> {
            throw new IllegalStateException("uncaught");
        });
        assertEquals("[\"inner finally\", \"outer catch HostError\"]",
                        tine("let log = []\nfn f() { try { boom() } finally { push(log, \"inner finally\") } }\n"
                                        + "try { f() } catch e { push(log, \"outer catch \" + e.kind) }\nstr(log)").asString());
        // uncaught all the way: the host gets its exception back, and the finally has run
        PolyglotException e = assertThrows(PolyglotException.class,
                        () -> tine("let done = false\ntry { polyglot_eval(\"js\", \"throw new Error('out')\") } finally { done = true }"));
        assertTrue(e.getMessage().contains("out"), e.getMessage());
        assertFalse(e.isHostException());
        assertTrue(context.getBindings("tine").getMember("done").asBoolean());
        PolyglotException h = assertThrows(PolyglotException.class, () -> tine("done = false\ntry { boom() } finally { done = true }"));
        assertTrue(h.isHostException());
        assertEquals("uncaught", h.asHostException().getMessage());
        assertTrue(context.getBindings("tine").getMember("done").asBoolean());
    }

    @Test
    void hostValuesKeepTheirIdentityThroughTine() {
        tine("fn id(x) { return x }\nlet kept = null\nfn keep(x) { kept = x\nreturn kept }");
        Value id = context.getBindings("tine").getMember("id");
        BigInteger big = new BigInteger("123456789012345678901234567890");
        BigInteger small = BigInteger.valueOf(7);
        Object thing = new Object();
        assertSame(big, id.execute(big).asHostObject());
        assertSame(small, id.execute(small).asHostObject());
        assertSame(thing, id.execute(thing).asHostObject());
        assertSame(thing, context.getBindings("tine").getMember("keep").execute(thing).asHostObject());
        assertSame(thing, context.getBindings("tine").getMember("kept").asHostObject());
        // still numbers to Tine
        put("thing", thing);
        put("big", big);
        put("small", small);
        assertEquals("int int 123456789012345678901234567891 14 true true -7 [7, 8]",
                        tine("\"${type(big)} ${type(small)} ${big + 1} ${small * 2} ${small == 7} ${small < 8} ${-small} ${sort([8, small])}\"").asString());
        assertEquals("8 seven [7] int", tine("let m = {}\nm[small] = 1\n\"${[1, 2, 3, 4, 5, 6, 7, 8][small]} ${{7: \"seven\"}[small]} ${keys(m)} ${type(keys(m)[0])}\"").asString());
        assertEquals("TypeError: cannot add foreign and int", tine(caught("thing + 1", "e.kind + \": \" + e.message")).asString());
        // an int to len, for, keys and indexes too, not an object of its Java methods (found by the TCK)
        for (String code : new String[]{"len(big)", "for d in big { }", "keys(big)", "len(small)"}) {
            assertEquals("TypeError", tine(caught(code, "e.kind")).asString(), code);
        }
        put("hostList", new ArrayList<>(List.of(1, 2)));
        for (String code : new String[]{"[1, 2][big]", "hostList[big]", "hostList[big] = 3", "del(hostList, big)"}) {
            assertEquals("IndexError", tine(caught(code, "e.kind")).asString(), code);
        }
        assertEquals("2 false", tine("\"${hostList[small - 6]} ${has(hostList, big)}\"").asString());
        put("other", new Object());
        assertTrue(tine("thing == thing and thing != other and id(thing) == thing").asBoolean());
        // Tine's own lists, maps and functions are identities to JS and the host
        Value same = js("(a, b) => a === b");
        Value list = tine("[1]");
        assertTrue(same.execute(list, id.execute(list)).asBoolean());
        assertFalse(same.execute(list, tine("[1]")).asBoolean());
        assertTrue(same.execute(id, context.getBindings("tine").getMember("id")).asBoolean());
        assertTrue(list.equals(id.execute(list)));
        // a JS object through a Tine function is the same JS object
        Value obj = js("({})");
        assertTrue(js("(o, f) => f(o) === o").execute(obj, id).asBoolean());
    }

    @Test
    void polyglotEvalImportAndExportBothWays() {
        assertEquals(42, tine("polyglot_eval(\"js\", \"6 * 7\")").asInt());
        assertEquals("string", tine("type(polyglot_eval(\"js\", \"'a' + 'b'\"))").asString());
        tine("polyglot_export(\"fromTine\", [1, 2, 3])\npolyglot_export(\"add\", fn (a, b) { return a + b })");
        assertEquals(3, js("Polyglot.import('fromTine').length").asInt());
        assertEquals(5, js("Polyglot.import('add')(2, 3)").asInt());
        assertEquals("ab", js("Polyglot.import('add')('a', 'b')").asString());
        js("Polyglot.export('fromJs', {k: 5, list: [1, 2]})");
        assertEquals("5 2", tine("let v = polyglot_import(\"fromJs\")\n\"${v.k} ${len(v.list)}\"").asString());
        assertTrue(tine("polyglot_import(\"nothing here\") == null").asBoolean());
        // the host sees the same bindings
        assertEquals(3, context.getPolyglotBindings().getMember("fromTine").getArraySize());
        // JS evaluates Tine too
        assertEquals(3, js("Polyglot.eval('tine', '[1, 2] + [3]')").getArraySize());
        // a Tine function called from JS, with JS values
        assertEquals(10, js("Polyglot.import('add')").execute(4, 6).asInt());
        assertEquals("SecurityError: polyglot_eval(): no language \"cobol\" is accessible in this context (accessible: js, tine)",
                        tine(caught("polyglot_eval(\"cobol\", \"x\")", "e.kind + \": \" + e.message")).asString());
        assertEquals("TypeError", tine(caught("polyglot_eval(1, 2)", "e.kind")).asString());
    }

    @Test
    void polyglotBuiltinsAreASecurityErrorWhereTheContextForbidsThem() {
        try (Context closed = Context.newBuilder("tine", "js").option("engine.WarnInterpreterOnly", "false").build()) {
            for (String call : List.of("polyglot_eval(\"js\", \"1\")", "polyglot_import(\"x\")", "polyglot_export(\"x\", 1)")) {
                assertEquals("SecurityError", closed.eval("tine", caught(call, "e.kind")).asString(), call);
            }
        }
        // eval of js allowed, the bindings not
        PolyglotAccess evalOnly = PolyglotAccess.newBuilder().allowEval("tine", "js").build();
        try (Context c = Context.newBuilder("tine", "js").allowPolyglotAccess(evalOnly).option("engine.WarnInterpreterOnly", "false").build()) {
            assertEquals(2, c.eval("tine", "polyglot_eval(\"js\", \"1 + 1\")").asInt());
            assertEquals("SecurityError", c.eval("tine", caught("polyglot_import(\"x\")", "e.kind")).asString());
            assertEquals("SecurityError", c.eval("tine", caught("polyglot_export(\"x\", 1)", "e.kind")).asString());
        }
        // js is installed but not a language of this context
        try (Context c = Context.newBuilder("tine").allowPolyglotAccess(PolyglotAccess.ALL).option("engine.WarnInterpreterOnly", "false").build()) {
            assertEquals("SecurityError", c.eval("tine", caught("polyglot_eval(\"js\", \"1\")", "e.kind")).asString());
        }
    }

    @Test
    void tineValuesHaveMetaObjectsAndFunctionsASourceLocation() {
        assertEquals("list", tine("[1]").getMetaObject().getMetaSimpleName());
        assertEquals("map", tine("{}").getMetaObject().getMetaQualifiedName());
        assertEquals("int", tine("1").getMetaObject().getMetaSimpleName());
        assertEquals("float", tine("1.5").getMetaObject().getMetaSimpleName());
        assertEquals("string", tine("\"s\"").getMetaObject().getMetaSimpleName());
        assertEquals("bool", tine("true").getMetaObject().getMetaSimpleName());
        assertEquals("int", tine("2 * 9223372036854775807").getMetaObject().getMetaSimpleName());
        Value fnType = tine("fn (x) { return x }").getMetaObject();
        assertEquals("function", fnType.getMetaSimpleName());
        assertTrue(fnType.isMetaObject());
        assertTrue(fnType.isMetaInstance(tine("len")));
        assertFalse(fnType.isMetaInstance(tine("[]")));
        assertTrue(tine("[]").getMetaObject().isMetaInstance(tine("[1, 2]")));
        tine("let unused = 0\n\nfn third(a) {\n  return a\n}");
        Value third = context.getBindings("tine").getMember("third");
        assertEquals(3, third.getSourceLocation().getStartLine());
        assertEquals(5, third.getSourceLocation().getEndLine());
        assertEquals(null, tine("len").getSourceLocation(), "a built-in has no source");
    }
}
