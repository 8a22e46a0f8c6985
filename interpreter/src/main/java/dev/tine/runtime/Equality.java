package dev.tine.runtime;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleSafepoint;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.nodes.Node;

/**
 * `==`: value equality, structural for lists and maps, numeric across int and float.
 *
 * Lists and maps are compared with a work list instead of recursion, so that nesting of any depth
 * is no stack overflow. Each pair of containers is compared once: a pair met again (a cycle, or
 * a structure shared in a DAG) counts as equal, which is right because a difference anywhere
 * makes the whole answer false. So cyclic structures get their structural answer in time linear
 * in their size, and long comparisons poll Truffle's safepoint (cancel, interrupt, signal handlers).
 */
public final class Equality {
    /** Pairs compared between two safepoint polls. */
    private static final int POLL_INTERVAL = 1024;

    private Equality() {
    }

    @TruffleBoundary
    public static boolean equal(Object a, Object b, Node location) {
        if (Foreign.isForeign(a) || Foreign.isForeign(b)) {
            return foreignEqual(a, b, location);
        }
        if (!isContainer(a) || !isContainer(b)) {
            return scalarEqual(a, b);
        }
        ArrayDeque<Object> work = new ArrayDeque<>();
        HashSet<Pair> seen = null;
        work.push(b);
        work.push(a);
        int steps = 0;
        while (!work.isEmpty()) {
            Object x = work.pop();
            Object y = work.pop();
            if (Foreign.isForeign(x) || Foreign.isForeign(y)) {
                if (!foreignEqual(x, y, location)) {
                    return false;
                }
                continue;
            }
            if (++steps % POLL_INTERVAL == 0) {
                TruffleSafepoint.poll(location);
            }
            if (!isContainer(x) || !isContainer(y)) {
                if (!scalarEqual(x, y)) {
                    return false;
                }
                continue;
            }
            if (x == y) {
                continue;
            }
            if (steps > 1) { // the first pair cannot have been seen: no set for flat lists
                if (seen == null) {
                    seen = new HashSet<>();
                }
                if (!seen.add(new Pair(x, y))) {
                    continue;
                }
            }
            if (!pushChildren(x, y, work, location)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A foreign value: the same object (interop identity), or a foreign array or hash compared as a
     * list or map (an object with members too, against a Tine map), or a foreign number as a number. Foreign structures are copied, so a cycle
     * inside one is not seen as the cycles of Tine's own are.
     */
    private static boolean foreignEqual(Object a, Object b, Node location) {
        if (Foreign.isForeign(a) && Foreign.isForeign(b)) {
            InteropLibrary lib = InteropLibrary.getUncached();
            if (lib.isIdentical(a, b, lib)) {
                return true;
            }
        }
        Object x = asTine(a, b instanceof TineMap);
        Object y = asTine(b, a instanceof TineMap);
        if (Foreign.isForeign(x) || Foreign.isForeign(y)) {
            return false; // not identical, and no elements or number to compare
        }
        return equal(x, y, location);
    }

    private static Object asTine(Object v, boolean members) {
        Object c = Foreign.copy(v, members);
        return c != null ? c : Foreign.unboxed(v);
    }

    /**
     * Pushes the pairs of elements (values of the same key) that are containers or foreign, and
     * compares the others at once; false if the shapes or a scalar already differ. A list of
     * millions of numbers so never fills the work stack, and the loop polls the safepoint as the
     * main one does (close(true) stopped a 3,000,000-element comparison only after ~650 ms).
     */
    private static boolean pushChildren(Object a, Object b, ArrayDeque<Object> work, Node location) {
        if (a instanceof TineList x && b instanceof TineList y) {
            if (x.items.size() != y.items.size()) {
                return false;
            }
            for (int i = x.items.size() - 1; i >= 0; i--) {
                if (!pushOrCompare(x.items.get(i), y.items.get(i), work, i, location)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof TineMap x && b instanceof TineMap y) {
            if (x.entries.size() != y.entries.size()) {
                return false;
            }
            int i = 0;
            for (Map.Entry<Object, Object> e : x.entries.entrySet()) {
                Object other = y.entries.get(e.getKey());
                if (other == null || !pushOrCompare(e.getValue(), other, work, i++, location)) {
                    return false;
                }
            }
            return true;
        }
        return false; // a list and a map
    }

    private static boolean pushOrCompare(Object x, Object y, ArrayDeque<Object> work, int i, Node location) {
        if (i % POLL_INTERVAL == 0) {
            TruffleSafepoint.poll(location);
        }
        if ((isContainer(x) && isContainer(y)) || Foreign.isForeign(x) || Foreign.isForeign(y)) {
            work.push(y);
            work.push(x);
            return true;
        }
        return scalarEqual(x, y);
    }

    /** Two containers, by identity. */
    private record Pair(Object a, Object b) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Pair p && p.a == a && p.b == b;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(a) * 31 + System.identityHashCode(b);
        }
    }

    private static boolean isContainer(Object v) {
        return v instanceof TineList || v instanceof TineMap;
    }

    private static boolean scalarEqual(Object a, Object b) {
        if (a == b && !(a instanceof Double d && d.isNaN())) { // nan equals nothing, itself included
            return true;
        }
        if (a instanceof Long x && b instanceof Long y) {
            return x.longValue() == y.longValue();
        }
        if (isNumber(a) && isNumber(b)) {
            if (a instanceof Double || b instanceof Double) {
                double x = toDouble(a);
                double y = toDouble(b);
                if (x != y) {
                    return false;
                }
                // a big int may round to the double; compare exactly
                return !(a instanceof BigNumber || b instanceof BigNumber) || Double.isInfinite(x)
                                || new java.math.BigDecimal(x).equals(new java.math.BigDecimal(toBig(a instanceof Double ? b : a)));
            }
            return toBig(a).equals(toBig(b));
        }
        return a.equals(b);
    }

    public static boolean isNumber(Object v) {
        return v instanceof Long || v instanceof Double || v instanceof BigNumber;
    }

    public static double toDouble(Object v) {
        return v instanceof Long l ? l : v instanceof Double d ? d : ((BigNumber) v).value.doubleValue();
    }

    static BigInteger toBig(Object v) {
        return v instanceof BigNumber b ? b.value : BigInteger.valueOf((Long) v);
    }
}
