package dev.tine.stdlib;

import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.ImportStatic;
import com.oracle.truffle.api.dsl.NodeFactory;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.library.CachedLibrary;

import dev.tine.builtins.Builtin;
import dev.tine.fork.Rehearsal;
import dev.tine.builtins.BuiltinNode;
import dev.tine.builtins.BuiltinProvider;
import dev.tine.builtins.NoArg;
import dev.tine.runtime.Errors;
import dev.tine.runtime.Foreign;
import dev.tine.runtime.TineList;
import dev.tine.runtime.TineMap;
import dev.tine.runtime.TineNull;

/** keys, values, has, get, del: on maps and lists, and on foreign maps, objects and arrays (Foreign). */
public final class MapBuiltins implements BuiltinProvider {
    @Override
    public List<? extends NodeFactory<? extends BuiltinNode>> factories() {
        return MapBuiltinsFactory.getFactories();
    }

    @Builtin(name = "keys", rehearsable = true)
    @GenerateNodeFactory
    @ImportStatic(Foreign.class)
    abstract static class KeysBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected TineList keys(TineMap m) {
            return new TineList(new ArrayList<>(m.entries.keySet()));
        }

        /** A foreign map's keys, an object's member names. */
        @Specialization(guards = {"isForeign(m)", "hasKeys(m, interop)"})
        protected TineList foreign(Object m, @CachedLibrary(limit = "3") InteropLibrary interop) {
            return Foreign.keys(m, interop, this);
        }

        @Fallback
        protected Object wrong(Object m) {
            throw ArgErrors.expected(this, "a map", m);
        }
    }

    @Builtin(name = "values", rehearsable = true)
    @GenerateNodeFactory
    @ImportStatic(Foreign.class)
    abstract static class ValuesBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected TineList values(TineMap m) {
            return new TineList(new ArrayList<>(m.entries.values()));
        }

        @Specialization(guards = {"isForeign(m)", "hasKeys(m, interop)"})
        protected TineList foreign(Object m, @CachedLibrary(limit = "3") InteropLibrary interop) {
            return Foreign.values(m, interop, this);
        }

        @Fallback
        protected Object wrong(Object m) {
            throw ArgErrors.expected(this, "a map", m);
        }
    }

    /** The position of a list index, or -1 when it is out of range. */
    static int listPosition(TineList list, long i) {
        long p = i < 0 ? i + list.size() : i;
        return p >= 0 && p < list.size() ? (int) p : -1;
    }

    @Builtin(name = "has", rehearsable = true)
    @GenerateNodeFactory
    @ImportStatic(Foreign.class)
    abstract static class HasBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected boolean map(TineMap m, Object key) {
            return m.entries.containsKey(key);
        }

        @Specialization
        protected boolean list(TineList list, long index) {
            return listPosition(list, index) >= 0;
        }

        /** A foreign array's position, a foreign map's key, an object's member. */
        @Specialization(guards = "isForeign(m)")
        protected boolean foreign(Object m, Object key, @CachedLibrary(limit = "3") InteropLibrary interop) {
            return Foreign.has(m, key, interop, this);
        }

        @Fallback
        protected Object wrong(Object m, Object key) {
            throw ArgErrors.expected(this, "a map and a key", m, key);
        }
    }

    @Builtin(name = "get", minArgs = 2, rehearsable = true)
    @GenerateNodeFactory
    @ImportStatic(Foreign.class)
    abstract static class GetBuiltin extends BuiltinNode {
        @Specialization
        protected Object map(TineMap m, Object key, Object dflt) {
            Object v = m.get(key);
            return v != null ? v : dflt == NoArg.INSTANCE ? TineNull.INSTANCE : dflt;
        }

        @Specialization
        protected Object list(TineList list, long index, Object dflt) {
            int p = listPosition(list, index);
            return p >= 0 ? list.get(p) : dflt == NoArg.INSTANCE ? TineNull.INSTANCE : dflt;
        }

        @Specialization(guards = "isForeign(m)")
        protected Object foreign(Object m, Object key, Object dflt, @CachedLibrary(limit = "3") InteropLibrary interop) {
            Object v = Foreign.read(m, key, interop, this);
            return v != null ? v : dflt == NoArg.INSTANCE ? TineNull.INSTANCE : dflt;
        }

        @Fallback
        protected Object wrong(Object m, Object key, Object dflt) {
            throw ArgErrors.expected(this, "a map, a key and a default", m, key, dflt);
        }
    }

    @Builtin(name = "del", rehearsable = true)
    @GenerateNodeFactory
    @ImportStatic(Foreign.class)
    abstract static class DelBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected Object map(TineMap m, Object key) {
            if (!m.entries.containsKey(key)) {
                throw Errors.missingKey(key, this);
            }
            Rehearsal.journal(this, m);
            return m.entries.remove(key);
        }

        @Specialization
        @TruffleBoundary
        protected Object list(TineList list, long index) {
            int p = listPosition(list, index);
            if (p < 0) {
                throw Errors.indexOutOfRange("list", index, list.size(), this);
            }
            Rehearsal.journal(this, list);
            return list.items.remove(p);
        }

        /** Removes a foreign array's element, a foreign map's entry or an object's member, if it lets. */
        @Specialization(guards = "isForeign(m)")
        protected Object foreign(Object m, Object key, @CachedLibrary(limit = "3") InteropLibrary interop) {
            return Foreign.remove(m, key, interop, this);
        }

        @Fallback
        protected Object wrong(Object m, Object key) {
            throw ArgErrors.expected(this, "a map and a key", m, key);
        }
    }
}
