package dev.tine.jsr223;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * Tine as a javax.script engine. Each engine owns one polyglot context, created on first use;
 * its ENGINE_SCOPE bindings are the script's globals, live (see {@link TineBindings}). Values
 * come back as Java values: null, Boolean, Long (BigInteger past 64 bits), Double, String, and
 * copies of lists (ArrayList) and maps (LinkedHashMap); functions come back as polyglot
 * {@link Value}s that can be executed or passed back in. Output goes to the ScriptContext's
 * writer, input comes from its reader.
 */
public final class TineScriptEngine extends AbstractScriptEngine implements Invocable, Compilable, AutoCloseable {
    private final ScriptEngineFactory factory;
    private final Context.Builder builder;
    private Context context;
    /** The ScriptContext of the evaluation under way (its writers and reader). */
    private ScriptContext current;

    TineScriptEngine(ScriptEngineFactory factory) {
        this(factory, Context.newBuilder("tine").allowHostAccess(HostAccess.ALL).allowIO(IOAccess.ALL).allowCreateProcess(true)
                        .allowNativeAccess(true).allowEnvironmentAccess(EnvironmentAccess.INHERIT));
    }

    /**
     * An engine whose context is built from {@code builder} (its permissions: a sandboxed engine
     * leaves out allowCreateProcess, allowNativeAccess, allowIO); in, out and err are set here.
     */
    public TineScriptEngine(Context.Builder builder) {
        this(new TineScriptEngineFactory(), builder);
    }

    private TineScriptEngine(ScriptEngineFactory factory, Context.Builder builder) {
        this.factory = factory;
        this.builder = builder;
        setContext(new SimpleScriptContext());
        getContext().setBindings(new TineBindings(this), ScriptContext.ENGINE_SCOPE);
    }

    @Override
    public ScriptEngineFactory getFactory() {
        return factory;
    }

    /** The polyglot context, built on first use. */
    public synchronized Context polyglotContext() {
        if (context == null) {
            context = builder.in(new ScriptStreams.In(this)).out(new ScriptStreams.Out(this, false)).err(new ScriptStreams.Out(this, true))
                            .option("engine.WarnInterpreterOnly", "false").build();
        }
        return context;
    }

    Value globals() {
        return polyglotContext().getBindings("tine");
    }

    ScriptContext current() {
        return current != null ? current : getContext();
    }

    @Override
    public Bindings createBindings() {
        return new TineBindings(this);
    }

    @Override
    public Object eval(String script, ScriptContext ctx) throws ScriptException {
        Source source = Source.newBuilder("tine", script, fileName(ctx)).buildLiteral();
        return run(ctx, () -> polyglotContext().eval(source));
    }

    @Override
    public Object eval(Reader reader, ScriptContext ctx) throws ScriptException {
        return eval(readAll(reader), ctx);
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
        Value run();
    }

    /** Runs an evaluation with ctx's streams and bindings; converts the result and the errors. */
    synchronized Object run(ScriptContext ctx, Evaluation evaluation) throws ScriptException {
        ScriptContext previous = current;
        current = ctx;
        Bindings engineScope = ctx.getBindings(ScriptContext.ENGINE_SCOPE);
        boolean foreign = !(engineScope instanceof TineBindings own && own.engine == this);
        try {
            importBindings(ctx, engineScope, foreign);
            return toJava(evaluation.run());
        } catch (PolyglotException e) {
            throw scriptException(e);
        } finally {
            if (foreign && context != null) {
                for (String name : globalNames()) {
                    engineScope.put(name, toJava(globals().getMember(name)));
                }
            }
            flush(ctx);
            current = previous;
        }
    }

    /** GLOBAL_SCOPE entries (and a foreign ENGINE_SCOPE's) become globals, unless the script already has one of that name. */
    private void importBindings(ScriptContext ctx, Bindings engineScope, boolean foreign) {
        Bindings global = ctx.getBindings(ScriptContext.GLOBAL_SCOPE);
        Set<String> defined = null;
        if (global != null && !global.isEmpty()) {
            defined = new HashSet<>(globalNames());
            for (Map.Entry<String, Object> e : global.entrySet()) {
                if (!defined.contains(e.getKey()) && !engineScope.containsKey(e.getKey())) {
                    globals().putMember(e.getKey(), e.getValue());
                }
            }
        }
        if (foreign) {
            for (Map.Entry<String, Object> e : engineScope.entrySet()) {
                globals().putMember(e.getKey(), e.getValue());
            }
        }
    }

    List<String> globalNames() {
        return new ArrayList<>(globals().getMemberKeys());
    }

    private static void flush(ScriptContext ctx) {
        try {
            ctx.getWriter().flush();
            ctx.getErrorWriter().flush();
        } catch (IOException e) {
            // nothing more to do with a broken writer
        }
    }

    private ScriptException scriptException(PolyglotException e) {
        if (e.isExit()) {
            // exit() ended the evaluation and the context with it; the next evaluation gets a fresh one
            try {
                context.close();
            } catch (PolyglotException closing) {
                // closing an exited context reports the exit again
            }
            context = null;
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
        Value fn = globals().hasMember(name) ? globals().getMember(name) : null;
        if (fn == null || !fn.canExecute()) {
            throw new NoSuchMethodException("no Tine function " + name);
        }
        return run(getContext(), () -> fn.execute(args == null ? new Object[0] : args));
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
        return run(getContext(), () -> f.execute(args == null ? new Object[0] : args));
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
        return new TineCompiledScript(this, Source.newBuilder("tine", script, fileName(getContext())).buildLiteral());
    }

    @Override
    public CompiledScript compile(Reader script) throws ScriptException {
        return compile(readAll(script));
    }

    Value parse(Source source) throws ScriptException {
        try {
            return polyglotContext().parse(source);
        } catch (PolyglotException e) {
            throw scriptException(e);
        }
    }

    /** Closes the polyglot context. */
    @Override
    public synchronized void close() {
        if (context != null) {
            try {
                context.close();
            } catch (PolyglotException e) {
                // an exit() during close
            }
            context = null;
        }
    }
}
