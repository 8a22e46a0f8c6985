package dev.tine.stdlib;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleSafepoint;
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
import dev.tine.runtime.Equality;
import dev.tine.runtime.Errors;
import dev.tine.runtime.Foreign;
import dev.tine.runtime.Ordering;
import dev.tine.runtime.Printer;
import dev.tine.runtime.StringOps;
import dev.tine.runtime.TineList;
import dev.tine.runtime.TineMap;
import dev.tine.runtime.TineNull;

/** push, pop, slice, contains, reverse, join, range (map, filter and sort are in the prelude). */
public final class ListBuiltins implements BuiltinProvider {
    @Override
    public List<? extends NodeFactory<? extends BuiltinNode>> factories() {
        return ListBuiltinsFactory.getFactories();
    }

    @Builtin(name = "push", rehearsable = true)
    @GenerateNodeFactory
    abstract static class PushBuiltin extends BuiltinNode {
        @Specialization
        protected Object push(TineList list, Object v) {
            Rehearsal.journal(this, list);
            list.add(v);
            return TineNull.INSTANCE;
        }

        @Fallback
        protected Object wrong(Object list, Object v) {
            throw ArgErrors.expected(this, "a list and a value", list, v);
        }
    }

    @Builtin(name = "pop", rehearsable = true)
    @GenerateNodeFactory
    abstract static class PopBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected Object pop(TineList list) {
            if (list.items.isEmpty()) {
                throw Errors.indexError("pop from an empty list", this);
            }
            Rehearsal.journal(this, list);
            return list.items.remove(list.items.size() - 1);
        }

        @Fallback
        protected Object wrong(Object list) {
            throw ArgErrors.expected(this, "a list", list);
        }
    }

    /** Python's slice bounds: negative counts from the end, out of range clamps. */
    static int bound(Object v, int size, int dflt, BuiltinNode node) {
        if (v == NoArg.INSTANCE || v == TineNull.INSTANCE) {
            return dflt;
        }
        if (!(v instanceof Long l)) {
            throw Errors.typeError("slice bounds must be ints", node);
        }
        long i = l < 0 ? l + size : l;
        return (int) Math.max(0, Math.min(size, i));
    }

    @Builtin(name = "slice", minArgs = 2, rehearsable = true)
    @GenerateNodeFactory
    abstract static class SliceBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected TineList list(TineList list, Object from, Object to) {
            int n = list.size();
            int a = bound(from, n, 0, this);
            int b = bound(to, n, n, this);
            return new TineList(a < b ? list.items.subList(a, b) : List.of());
        }

        @Specialization
        @TruffleBoundary
        protected String string(String s, Object from, Object to) {
            int n = StringOps.length(s);
            int a = bound(from, n, 0, this);
            int b = bound(to, n, n, this);
            return a < b ? StringOps.slice(s, a, b) : "";
        }

        @Fallback
        protected Object wrong(Object x, Object from, Object to) {
            throw ArgErrors.expected(this, "a list or string and two ints", x, from, to);
        }
    }

    @Builtin(name = "contains", rehearsable = true)
    @GenerateNodeFactory
    @ImportStatic(Foreign.class)
    abstract static class ContainsBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected boolean list(TineList list, Object v) {
            for (int i = 0; i < list.items.size(); i++) {
                if (i % 1024 == 0) {
                    TruffleSafepoint.poll(this);
                }
                if (Equality.equal(list.items.get(i), v, this)) {
                    return true;
                }
            }
            return false;
        }

        @Specialization
        @TruffleBoundary
        protected boolean string(String s, String part) {
            return s.contains(part);
        }

        @Specialization
        @TruffleBoundary
        protected boolean map(TineMap m, Object key) {
            return m.entries.containsKey(key);
        }

        /** A foreign array: an element `== v`; a foreign map or object: a key or member `v`. */
        @Specialization(guards = "isForeign(x)")
        protected boolean foreign(Object x, Object v, @CachedLibrary(limit = "3") InteropLibrary interop) {
            if (interop.hasArrayElements(x)) {
                return list(Foreign.elements(x, interop, this), v);
            } else if (Foreign.hasKeys(x, interop)) {
                return Foreign.has(x, v, interop, this);
            }
            throw ArgErrors.expected(this, "a list, map or string (with a string)", x, v);
        }

        @Fallback
        protected Object wrong(Object x, Object v) {
            throw ArgErrors.expected(this, "a list, map or string (with a string)", x, v);
        }
    }

    @Builtin(name = "reverse", rehearsable = true)
    @GenerateNodeFactory
    abstract static class ReverseBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected TineList list(TineList list) {
            ArrayList<Object> copy = new ArrayList<>(list.items);
            Collections.reverse(copy);
            return new TineList(copy);
        }

        @Specialization
        @TruffleBoundary
        protected String string(String s) {
            return new StringBuilder(s).reverse().toString();
        }

        @Fallback
        protected Object wrong(Object x) {
            throw ArgErrors.expected(this, "a list or string", x);
        }
    }

    /** A new list in ascending order, compared with `<` (Ordering): stable, as Python's sorted. */
    @Builtin(name = "sort", rehearsable = true)
    @GenerateNodeFactory
    @ImportStatic(Foreign.class)
    abstract static class SortBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected TineList list(TineList list) {
            Object[] items = list.items.toArray();
            Ordering.sort(items, this);
            return new TineList(new ArrayList<>(Arrays.asList(items)));
        }

        @Specialization
        @TruffleBoundary
        protected TineList string(String s) {
            return list(StringOps.characters(s));
        }

        /** A foreign array: a new Tine list of its elements, sorted. */
        @Specialization(guards = {"isForeign(x)", "interop.hasArrayElements(x)"})
        protected TineList foreign(Object x, @CachedLibrary(limit = "3") InteropLibrary interop) {
            return list(Foreign.elements(x, interop, this));
        }

        @Fallback
        protected Object wrong(Object x) {
            throw ArgErrors.expected(this, "a list or string", x);
        }
    }

    @Builtin(name = "join", rehearsable = true)
    @GenerateNodeFactory
    @ImportStatic(Foreign.class)
    abstract static class JoinBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected String join(TineList list, String sep) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(sep);
                }
                if (i % 1024 == 0) {
                    TruffleSafepoint.poll(this);
                }
                sb.append(Printer.str(list.items.get(i)));
            }
            return sb.toString();
        }

        @Specialization(guards = {"isForeign(list)", "interop.hasArrayElements(list)"})
        protected String foreign(Object list, String sep, @CachedLibrary(limit = "3") InteropLibrary interop) {
            return join(Foreign.elements(list, interop, this), sep);
        }

        @Fallback
        protected Object wrong(Object list, Object sep) {
            throw ArgErrors.expected(this, "a list and a string", list, sep);
        }
    }

    @Builtin(name = "range", minArgs = 1, rehearsable = true)
    @GenerateNodeFactory
    abstract static class RangeBuiltin extends BuiltinNode {
        /** A boxed long and the list's reference to it. */
        private static final long BYTES_PER_INT = 20;

        @Specialization
        protected TineList upTo(long n, @SuppressWarnings("unused") NoArg none) {
            return range(0, n);
        }

        @Specialization
        protected TineList between(long a, long b) {
            return range(a, b);
        }

        @TruffleBoundary
        private TineList range(long a, long b) {
            if (b - a > Integer.MAX_VALUE - 8) {
                throw Errors.valueError("range too large", this);
            }
            if (b - a > Runtime.getRuntime().maxMemory() / BYTES_PER_INT) {
                throw Errors.outOfMemory(this); // it can never fit: at once, rather than after seconds of filling the heap
            }
            TineList list = new TineList();
            list.items.ensureCapacity((int) Math.max(0, b - a));
            for (long i = a; i < b; i++) {
                if ((i - a) % 4096 == 0) {
                    TruffleSafepoint.poll(this);
                }
                list.items.add(i);
            }
            return list;
        }

        @Fallback
        protected Object wrong(Object a, Object b) {
            throw ArgErrors.expected(this, "ints", a, b);
        }
    }
}
