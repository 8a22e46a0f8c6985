package dev.tine.jsr223;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.script.Bindings;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;

/**
 * A global scope of its own: the globals of one polyglot context, live, built at first use.
 * The engine's ENGINE_SCOPE is one, and {@code createBindings()} makes another, so scripts
 * evaluated with different TineBindings never see each other's globals. {@code put} declares a
 * global (a Java value: numbers, strings and booleans become Tine's own, anything else stays a
 * host object); {@code get} reads one as a Java value (see {@link TineScriptEngine}). Built-ins
 * are not entries.
 */
final class TineBindings extends AbstractMap<String, Object> implements Bindings {
    final TineScriptEngine engine;
    private Context context;

    TineBindings(TineScriptEngine engine) {
        this.engine = engine;
    }

    synchronized Context context() {
        if (context == null) {
            context = engine.newContext();
        }
        return context;
    }

    /** Closes the context (after exit(), or with the engine); the next use builds a fresh one. */
    synchronized void closeContext() {
        if (context != null) {
            TineScriptEngine.closeQuietly(context);
            context = null;
        }
    }

    Value globals() {
        return context().getBindings("tine");
    }

    List<String> names() {
        return new ArrayList<>(globals().getMemberKeys());
    }

    private static String key(Object key) {
        if (!(key instanceof String s)) {
            throw key == null ? new NullPointerException("key is null") : new ClassCastException("key is not a string");
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("key is empty");
        }
        return s;
    }

    @Override
    public Object put(String name, Object value) {
        Object previous = get(name);
        globals().putMember(key(name), value);
        return previous;
    }

    @Override
    public void putAll(Map<? extends String, ? extends Object> toMerge) {
        for (Map.Entry<? extends String, ? extends Object> e : toMerge.entrySet()) {
            put(e.getKey(), e.getValue());
        }
    }

    @Override
    public boolean containsKey(Object key) {
        return names().contains(key(key));
    }

    @Override
    public Object get(Object key) {
        String name = key(key);
        return containsKey(name) ? TineScriptEngine.toJava(globals().getMember(name)) : null;
    }

    @Override
    public Object remove(Object key) {
        String name = key(key);
        if (!containsKey(name)) {
            return null;
        }
        Object previous = get(name);
        globals().removeMember(name);
        return previous;
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, Object>> iterator() {
                List<String> names = names();
                Value globals = globals();
                Iterator<String> it = names.iterator();
                return new Iterator<>() {
                    private String last;

                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public Map.Entry<String, Object> next() {
                        last = it.next();
                        return new SimpleEntry<>(last, TineScriptEngine.toJava(globals.getMember(last)));
                    }

                    @Override
                    public void remove() {
                        TineBindings.this.remove(last);
                    }
                };
            }

            @Override
            public int size() {
                return names().size();
            }
        };
    }
}
