package dev.tine.tck;

import static org.graalvm.polyglot.tck.TypeDescriptor.ANY;
import static org.graalvm.polyglot.tck.TypeDescriptor.ARRAY;
import static org.graalvm.polyglot.tck.TypeDescriptor.BOOLEAN;
import static org.graalvm.polyglot.tck.TypeDescriptor.HASH;
import static org.graalvm.polyglot.tck.TypeDescriptor.ITERABLE;
import static org.graalvm.polyglot.tck.TypeDescriptor.NULL;
import static org.graalvm.polyglot.tck.TypeDescriptor.NUMBER;
import static org.graalvm.polyglot.tck.TypeDescriptor.OBJECT;
import static org.graalvm.polyglot.tck.TypeDescriptor.STRING;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.tck.LanguageProvider;
import org.graalvm.polyglot.tck.ResultVerifier;
import org.graalvm.polyglot.tck.Snippet;
import org.graalvm.polyglot.tck.TypeDescriptor;

/**
 * What the Truffle TCK needs to know about Tine: a snippet is a Tine function value, evaluated
 * from source, whose parameter and result types say how the TCK may combine it with the values
 * of every installed language. Tine does not support inline parsing (its locals are frame slots
 * fixed at translation), so there are no inline snippets.
 */
public final class TineTCKLanguageProvider implements LanguageProvider {
    static final String ID = "tine";
    /** What len() takes: strings, arrays (lists), hashes (maps), objects with members, of any language. */
    private static final TypeDescriptor SIZED = TypeDescriptor.union(STRING, ARRAY, HASH, OBJECT);

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Value createIdentityFunction(Context context) {
        return eval(context, "fn (x) { return x }");
    }

    @Override
    public Collection<? extends Snippet> createValueConstructors(Context context) {
        List<Snippet> values = new ArrayList<>();
        values.add(value(context, "int", "42", NUMBER));
        values.add(value(context, "negative int", "-7", NUMBER));
        values.add(value(context, "big int", "123456789012345678901234567890", NUMBER));
        values.add(value(context, "float", "1.5", NUMBER));
        values.add(value(context, "bool", "true", BOOLEAN));
        values.add(value(context, "string", "\"tine\"", STRING));
        values.add(value(context, "null", "null", NULL));
        values.add(value(context, "list", "[1, 2, 3]", TypeDescriptor.array(NUMBER)));
        values.add(value(context, "empty list", "[]", ARRAY));
        values.add(value(context, "list of strings", "[\"a\", \"b\"]", TypeDescriptor.array(STRING)));
        // A map is both a hash (every key) and an object (its string keys as members).
        values.add(value(context, "map", "{\"a\": 1, \"b\": 2}",
                        TypeDescriptor.intersection(TypeDescriptor.hash(STRING, NUMBER), TypeDescriptor.OBJECT)));
        values.add(value(context, "function", "fn (a) { return a }", TypeDescriptor.executable(ANY, ANY)));
        values.add(value(context, "built-in", "len", TypeDescriptor.executable(NUMBER, SIZED)));
        return values;
    }

    @Override
    public Collection<? extends Snippet> createExpressions(Context context) {
        List<Snippet> ops = new ArrayList<>();
        for (String op : new String[]{"+", "-", "*"}) {
            ops.add(binary(context, op, NUMBER, NUMBER, NUMBER, null));
        }
        ops.add(binary(context, "/", NUMBER, NUMBER, NUMBER, Verifiers.zeroDivisorFails()));
        ops.add(binary(context, "%", NUMBER, NUMBER, NUMBER, Verifiers.zeroDivisorFails()));
        ops.add(binary(context, "+", STRING, STRING, STRING, null));
        // lists and any language's arrays join into a new list
        ops.add(binary(context, "+", ARRAY, ARRAY, ARRAY, Verifiers.joined()));
        for (String op : new String[]{"<", "<=", ">", ">="}) {
            ops.add(binary(context, op, NUMBER, NUMBER, BOOLEAN, null));
            ops.add(binary(context, op, STRING, STRING, BOOLEAN, null));
        }
        ops.add(binary(context, "==", ANY, ANY, BOOLEAN, null));
        ops.add(binary(context, "!=", ANY, ANY, BOOLEAN, null));
        // Both orders: `false and x` never looks at x, so a non-bool is only an error on the left.
        ops.add(snippet(context, "and", "fn (a, b) { return [a and b, b and a][0] }", BOOLEAN, null, BOOLEAN, BOOLEAN));
        ops.add(snippet(context, "or", "fn (a, b) { return [a or b, b or a][0] }", BOOLEAN, null, BOOLEAN, BOOLEAN));
        ops.add(snippet(context, "not", "fn (a) { return not a }", BOOLEAN, null, BOOLEAN));
        ops.add(snippet(context, "-", "fn (a) { return -a }", NUMBER, null, NUMBER));
        ops.add(snippet(context, "[]", "fn (xs, i) { return xs[i] }", ANY, Verifiers.indexInRange(), ARRAY, NUMBER));
        ops.add(snippet(context, "len()", "fn (s) { return len(s) }", NUMBER, Verifiers.sizeOf(), SIZED));
        // a hash's keys or an object's member names; an array with members (a Java List) is no map
        ops.add(snippet(context, "keys()", "fn (m) { return keys(m) }", ARRAY, Verifiers.keysOf(), TypeDescriptor.union(HASH, OBJECT)));
        ops.add(snippet(context, "sort()", "fn (xs) { return sort(xs) }", ARRAY, Verifiers.sorted(), TypeDescriptor.union(STRING, ARRAY)));
        // a call: Tine's functions and the host's executables alike
        ops.add(snippet(context, "f(x)", "fn (f, x) { return f(x) }", ANY, null, TypeDescriptor.executable(ANY, ANY), ANY));
        ops.add(snippet(context, "f()", "fn (f) { return f() }", ANY, null, TypeDescriptor.executable(ANY)));
        ops.add(snippet(context, "str()", "fn (a) { return str(a) }", STRING, Verifiers.shown("", ""), ANY));
        ops.add(snippet(context, "\"${}\"", "fn (a) { return \"<${a}>\" }", STRING, Verifiers.shown("<", ">"), ANY));
        return ops;
    }

    @Override
    public Collection<? extends Snippet> createStatements(Context context) {
        List<Snippet> statements = new ArrayList<>();
        statements.add(snippet(context, "if", "fn (c) { if c { return 1 } else { return 2 } }", NUMBER, null, BOOLEAN));
        statements.add(snippet(context, "if without else", "fn (c) { let r = 0\n if c { r = 1 }\n return r }", NUMBER, null, BOOLEAN));
        statements.add(snippet(context, "while",
                        "fn (c) { let n = 0\n while c { n += 1\n if n > 2 { break } }\n return n }", NUMBER, null, BOOLEAN));
        // over a parameter: whatever Tine's `for` walks, of any language
        statements.add(snippet(context, "for",
                        "fn (p) { let seen = []\n for v in p { push(seen, v) }\n return seen }", ARRAY, Verifiers.walks(),
                        TypeDescriptor.union(STRING, ARRAY, HASH, ITERABLE, OBJECT)));
        statements.add(snippet(context, "for over a list",
                        "fn (x) { let n = 0\n for v in [x, x, x] { if v == x { n += 1 } }\n return n }", NUMBER, null, ANY));
        statements.add(snippet(context, "for over a map",
                        "fn (x) { let ks = \"\"\n for k in {\"a\": x, \"b\": x} { ks += k }\n return ks }", STRING, null, ANY));
        statements.add(snippet(context, "try/catch",
                        "fn (x) { try { throw x } catch e { return [e] } }", ARRAY, null, ANY));
        statements.add(snippet(context, "try/finally",
                        "fn (x) { let r = null\n try { r = x } finally { r = [r] }\n return r }", ARRAY, null, ANY));
        statements.add(snippet(context, "let and assignment",
                        "fn (x) { let y = x\n y = [y, y]\n return y }", ARRAY, null, ANY));
        return statements;
    }

    @Override
    public Collection<? extends Snippet> createScripts(Context context) {
        List<Snippet> scripts = new ArrayList<>();
        scripts.add(script(context, "fib", NUMBER, 6765L));
        scripts.add(script(context, "closures", NUMBER, 15L));
        scripts.add(script(context, "collections", STRING, "[1, 4, 9] {\"n\": 3}"));
        scripts.add(script(context, "errors", STRING, "KeyError,IndexError,TypeError,done"));
        scripts.add(script(context, "bigints", STRING, "2432902008176640000 51090942171709440000"));
        scripts.add(script(context, "loops", STRING, "10: 2 3 5 7 11 13 17 19 23 29"));
        return scripts;
    }

    @Override
    public Collection<? extends Source> createInvalidSyntaxScripts(Context context) {
        List<Source> sources = new ArrayList<>();
        String[] invalid = {"let = 1", "fn (a { return a }", "if { }", "return 1", "break", "let s = \"\\q\"",
                        "x = [1, 2", "while true { continue } }"};
        for (int i = 0; i < invalid.length; i++) {
            sources.add(Source.newBuilder(ID, invalid[i], "invalid" + i + ".tine").buildLiteral());
        }
        return sources;
    }

    private static Value eval(Context context, String code) {
        return context.eval(ID, code);
    }

    private static Snippet value(Context context, String name, String expression, TypeDescriptor type) {
        return Snippet.newBuilder(name, eval(context, "fn () { return " + expression + " }"), type).build();
    }

    private static Snippet binary(Context context, String op, TypeDescriptor left, TypeDescriptor right, TypeDescriptor result,
                    ResultVerifier verifier) {
        return snippet(context, op, "fn (a, b) { return a " + op + " b }", result, verifier, left, right);
    }

    private static Snippet snippet(Context context, String id, String code, TypeDescriptor result, ResultVerifier verifier,
                    TypeDescriptor... parameters) {
        Snippet.Builder builder = Snippet.newBuilder(id, eval(context, code), result).parameterTypes(parameters);
        if (verifier != null) {
            builder.resultVerifier(verifier);
        }
        return builder.build();
    }

    /** A script from resources: it defines main and its last line is `main`, the function the TCK runs. */
    private static Snippet script(Context context, String name, TypeDescriptor type, Object expected) {
        String path = "scripts/" + name + ".tine";
        try (var in = TineTCKLanguageProvider.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing TCK script " + path);
            }
            Source source = Source.newBuilder(ID, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), name + ".tine").build();
            return Snippet.newBuilder(name, context.eval(source), type).resultVerifier(Verifiers.resultIs(expected)).build();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
