package dev.tine.jsr223;

import java.io.IOException;
import java.io.Reader;
import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.script.AbstractScriptEngine;
import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.Invocable;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptException;
import javax.script.SimpleScriptContext;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

/**
 * Tine as a javax.script engine. Each {@link TineBindings} is a global scope of its own (one
 * polyglot context, built on first use): the engine's ENGINE_SCOPE is one, createBindings()
 * makes more. An evaluation whose ENGINE_SCOPE is some other Bindings (a SimpleBindings, a
 * read-only Map) runs in a context of its own, made for it and closed after it: it sees those
 * bindings' entries as globals and nothing of other evaluations; afterwards the globals it
 * added or changed are written back, values only (its functions end with its context), and
 * not at all when the bindings refuse writes. Values come back as Java values: null, Boolean,
 * Long (BigInteger past 64 bits), Double, String, and copies of lists (ArrayList) and maps
 * (LinkedHashMap); functions come back as polyglot {@link Value}s that can be executed or
 * passed back in. Output goes to the ScriptContext's writer, input comes from its reader.
 */
public final class TineScriptEngine extends AbstractScriptEngine implements Invocable, Compilable, AutoCloseable {
    private final ScriptEngineFactory factory;
    private final Context.Builder builder;
    /** The engine's own scope, whose context Invocable and Compilable use. */
    private final TineBindings own;
    /** Every scope made by createBindings(), closed with the engine. */
    private final List<WeakReference<TineBindings>> made = new ArrayList<>();
    /** The ScriptContext of the evaluation under way (its writers and reader). */
    private ScriptContext current;

    TineScriptEngine(ScriptEngineFactory factory) {
        this(factory, Context.newBuilder("tine").allowHostAccess(HostAccess.ALL).allowIO(IOAccess.ALL).allowCreateProcess(true)
                        .allowNativeAccess(true).allowEnvironmentAccess(EnvironmentAccess.INHERIT));
    }

    /**
     * An engine whose contexts are built from {@code builder} (its permissions: a sandboxed engine
     * leaves out allowCreateProcess, allowNativeAccess, allowIO); in, out and err are set here.
     */
    public TineScriptEngine(Context.Builder builder) {
        this(new TineScriptEngineFactory(), builder);
    }

    private TineScriptEngine(ScriptEngineFactory factory, Context.Builder builder) {
        this.factory = factory;
        this.builder = builder;
        this.own = new TineBindings(this);
        setContext(new SimpleScriptContext());
        getContext().setBindings(own, ScriptContext.ENGINE_SCOPE);
    }

    @Override
    public ScriptEngineFactory getFactory() {
        return factory;
    }

    /** The polyglot context of the engine's own scope, built on first use. */
    public Context polyglotContext() {
        return own.context();
    }

    synchronized Context newContext() {
        return builder.in(new ScriptStreams.In(this)).out(new ScriptStreams.Out(this, false)).err(new ScriptStreams.Out(this, true))
                        .option("engine.WarnInterpreterOnly", "false").build();
    }

    static void closeQuietly(Context context) {
        try {
            context.close();
        } catch (PolyglotException e) {
            // closing an exited context reports the exit again
        }
    }

    ScriptContext current() {
        return current != null ? current : getContext();
    }

    /** A new, empty global scope of its own. */
    @Override
    public synchronized Bindings createBindings() {
        TineBindings b = new TineBindings(this);
        made.removeIf(r -> r.get() == null);
        made.add(new WeakReference<>(b));
        return b;
    }

    @Override
    public Object eval(String script, ScriptContext ctx) throws ScriptException {
        return run(ctx, source(script, ctx), null);
    }

    @Override
    public Object eval(Reader reader, ScriptContext ctx) throws ScriptException {
        return eval(readAll(reader), ctx);
    }

    Source source(String script, ScriptContext ctx) {
        return Source.newBuilder("tine", script, fileName(ctx)).buildLiteral();
    }

    static String readAll(Reader reader) throws ScriptException {
        try {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            for (int n; (n = reader.read(buf)) > 0;) {
                sb.append(buf, 0, n);
            }
            return sb.toString();
        } catch (IOException e) {
            throw new ScriptException(e);
        }
    }

    private static String fileName(ScriptContext ctx) {
        Object name = ctx.getAttribute(ScriptEngine.FILENAME);
        return name == null ? "<eval>" : name.toString();
    }

    interface Evaluation {
        Value run(Context context);
    }

    /**
     * Runs source (or the compiled script, where it was parsed in the same context) with ctx's
     * streams, in the context of ctx's ENGINE_SCOPE when that is one of this engine's scopes,
     * else in a context made for this evaluation.
     */
    Object run(ScriptContext ctx, Source source, TineCompiledScript compiled) throws ScriptException {
        Bindings scope = ctx.getBindings(ScriptContext.ENGINE_SCOPE);
        if (scope instanceof TineBindings tine && tine.engine == this) {
            return run(ctx, tine, c -> compiled != null ? compiled.program(c).execute() : c.eval(source));
        }
        return runApart(ctx, scope, source);
    }

    /** Runs an evaluation in one of this engine's scopes; converts the result and the errors. */
    synchronized Object run(ScriptContext ctx, TineBindings scope, Evaluation evaluation) throws ScriptException {
        ScriptContext previous = current;
        current = ctx;
        try {
            Context context = scope.context();
            importGlobalScope(ctx, context.getBindings("tine"));
            return toJava(evaluation.run(context));
        } catch (PolyglotException e) {
            if (e.isExit()) {
                scope.closeContext(); // exit() ended the context; the next evaluation gets a fresh one
            }
            throw scriptException(e);
        } finally {
            flush(ctx);
            current = previous;
        }
    }

    /** An evaluation with bindings of another kind: a context of its own, closed after it. */
    private synchronized Object runApart(ScriptContext ctx, Bindings scope, Source source) throws ScriptException {
        ScriptContext previous = current;
        current = ctx;
        Context context = newContext();
        try {
            Value globals = context.getBindings("tine");
            Map<String, Object> given = new HashMap<>();
            if (scope != null) {
                for (Map.Entry<String, Object> e : scope.entrySet()) {
                    globals.putMember(e.getKey(), e.getValue());
                    given.put(e.getKey(), toJava(globals.getMember(e.getKey())));
                }
            }
            importGlobalScope(ctx, globals);
            try {
                return toJava(context.eval(source));
            } catch (PolyglotException e) {
                throw scriptException(e);
            } finally {
                if (scope != null) {
                    writeBack(globals, given, scope);
                }
            }
        } finally {
            flush(ctx);
            closeQuietly(context);
            current = previous;
        }
    }

    /**
     * The globals an evaluation apart added or changed, into its bindings; not its functions,
     * which end with its context. Bindings that refuse a write (a read-only map) get nothing
     * more, and so does a context that exit() ended; the evaluation's own result or error stands.
     */
    private static void writeBack(Value globals, Map<String, Object> given, Bindings scope) {
        try {
            writeBackAll(globals, given, scope);
        } catch (PolyglotException exited) {
            // exit() ended the context: its globals are gone
        }
    }

    private static void writeBackAll(Value globals, Map<String, Object> given, Bindings scope) {
        for (String name : globals.getMemberKeys()) {
            Value v = globals.getMember(name);
            if (v.canExecute() && !v.isHostObject()) {
                continue;
            }
            Object value = toJava(v);
            if (given.containsKey(name) && Objects.equals(given.get(name), value)) {
                continue;
            }
            try {
                scope.put(name, value);
            } catch (UnsupportedOperationException | IllegalArgumentException | ClassCastException refused) {
                return;
            }
        }
    }

    /** GLOBAL_SCOPE entries become globals, unless the scope already has one of that name. */
    private static void importGlobalScope(ScriptContext ctx, Value globals) {
        Bindings global = ctx.getBindings(ScriptContext.GLOBAL_SCOPE);
        if (global != null && !global.isEmpty()) {
            for (Map.Entry<String, Object> e : global.entrySet()) {
                if (!globals.hasMember(e.getKey())) {
                    globals.putMember(e.getKey(), e.getValue());
                }
            }
        }
    }

    private static void flush(ScriptContext ctx) {
        try {
            ctx.getWriter().flush();
            ctx.getErrorWriter().flush();
        } catch (IOException e) {
            // nothing more to do with a broken writer
        }
    }

    static ScriptException scriptException(PolyglotException e) {
        if (e.isExit()) {
            ScriptException s = new ScriptException("exit(" + e.getExitStatus() + ")");
            s.initCause(e);
            return s;
        }
        SourceSection at = e.getSourceLocation();
        ScriptException s = at == null ? new ScriptException(e.getMessage())
                        : new ScriptException(e.getMessage(), at.getSource().getName(), at.getStartLine(), at.getStartColumn());
        s.initCause(e);
        return s;
    }

    /** A Tine value as a plain Java value (see the class comment). */
    static Object toJava(Value v) {
        if (v == null || v.isNull()) {
            return null;
        } else if (v.isBoolean()) {
            return v.asBoolean();
        } else if (v.isString()) {
            return v.asString();
        } else if (v.isNumber()) {
            return v.fitsInLong() ? (Object) v.asLong() : v.fitsInBigInteger() ? v.asBigInteger() : (Object) v.asDouble();
        } else if (v.isHostObject()) {
            return v.asHostObject();
        } else if (v.hasArrayElements()) {
            List<Object> list = new ArrayList<>();
            for (long i = 0; i < v.getArraySize(); i++) {
                list.add(toJava(v.getArrayElement(i)));
            }
            return list;
        } else if (v.hasHashEntries()) {
            Map<Object, Object> map = new LinkedHashMap<>();
            Value it = v.getHashEntriesIterator();
            while (it.hasIteratorNextElement()) {
                Value entry = it.getIteratorNextElement();
                map.put(toJava(entry.getArrayElement(0)), toJava(entry.getArrayElement(1)));
            }
            return map;
        }
        return v;
    }

    // ---- Invocable

    @Override
    public Object invokeFunction(String name, Object... args) throws ScriptException, NoSuchMethodException {
        Value globals = own.globals();
        Value fn = globals.hasMember(name) ? globals.getMember(name) : null;
        if (fn == null || !fn.canExecute()) {
            throw new NoSuchMethodException("no Tine function " + name);
        }
        return run(getContext(), own, c -> fn.execute(args == null ? new Object[0] : args));
    }

    /** A "method" of a Tine map: the function stored under that key, called with args (Tine has no receiver). */
    @Override
    public Object invokeMethod(Object thiz, String name, Object... args) throws ScriptException, NoSuchMethodException {
        Value fn = null;
        if (thiz instanceof Value v && v.hasMember(name)) {
            fn = v.getMember(name);
        } else if (thiz instanceof Map<?, ?> m && m.get(name) instanceof Value v) {
            fn = v;
        } else if (thiz == null) {
            throw new IllegalArgumentException("invokeMethod on null");
        }
        if (fn == null || !fn.canExecute()) {
            throw new NoSuchMethodException("no function " + name + " in " + thiz);
        }
        Value f = fn;
        return run(getContext(), own, c -> f.execute(args == null ? new Object[0] : args));
    }

    @Override
    public <T> T getInterface(Class<T> type) {
        return proxy(type, null);
    }

    @Override
    public <T> T getInterface(Object thiz, Class<T> type) {
        if (thiz == null) {
            throw new IllegalArgumentException("getInterface on null");
        }
        return proxy(type, thiz);
    }

    private <T> T proxy(Class<T> type, Object thiz) {
        if (type == null || !type.isInterface()) {
            throw new IllegalArgumentException("not an interface: " + type);
        }
        Object p = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> self == args[0];
                    case "hashCode" -> System.identityHashCode(self);
                    default -> "Tine implementation of " + type.getName();
                };
            }
            Object result = thiz == null ? invokeFunction(method.getName(), args) : invokeMethod(thiz, method.getName(), args);
            return convert(result, method);
        });
        return type.cast(p);
    }

    private static Object convert(Object result, Method method) {
        Class<?> t = method.getReturnType();
        if (t == void.class || result == null) {
            return null;
        } else if ((t == int.class || t == Integer.class) && result instanceof Long l) {
            return Math.toIntExact(l);
        } else if ((t == double.class || t == Double.class) && result instanceof Number n) {
            return n.doubleValue();
        }
        return result;
    }

    // ---- Compilable

    @Override
    public CompiledScript compile(String script) throws ScriptException {
        return new TineCompiledScript(this, source(script, getContext()));
    }

    @Override
    public CompiledScript compile(Reader script) throws ScriptException {
        return compile(readAll(script));
    }

    static Value parse(Context context, Source source) throws ScriptException {
        try {
            return context.parse(source);
        } catch (PolyglotException e) {
            throw scriptException(e);
        }
    }

    /** Closes the contexts of the engine's own scope and of every scope it made. */
    @Override
    public synchronized void close() {
        own.closeContext();
        for (WeakReference<TineBindings> r : made) {
            TineBindings b = r.get();
            if (b != null) {
                b.closeContext();
            }
        }
        made.clear();
    }
}
