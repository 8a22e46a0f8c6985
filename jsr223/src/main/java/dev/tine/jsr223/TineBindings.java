package dev.tine.jsr223;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.script.Bindings;

import org.graalvm.polyglot.Value;

/**
 * An engine's ENGINE_SCOPE: the script's globals, live. {@code put} declares a global (a Java
 * value: numbers, strings and booleans become Tine's own, anything else stays a host object);
 * {@code get} reads one as a Java value (see {@link TineScriptEngine}). Built-ins are not entries.
 */
final class TineBindings extends AbstractMap<String, Object> implements Bindings {
    final TineScriptEngine engine;

    TineBindings(TineScriptEngine engine) {
        this.engine = engine;
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
        engine.globals().putMember(key(name), value);
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
        return engine.globalNames().contains(key(key));
    }

    @Override
    public Object get(Object key) {
        String name = key(key);
        return containsKey(name) ? TineScriptEngine.toJava(engine.globals().getMember(name)) : null;
    }

    @Override
    public Object remove(Object key) {
        String name = key(key);
        if (!containsKey(name)) {
            return null;
        }
        Object previous = get(name);
        engine.globals().removeMember(name);
        return previous;
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, Object>> iterator() {
                List<String> names = engine.globalNames();
                Value globals = engine.globals();
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
                return engine.globalNames().size();
            }
        };
    }
}
