package dev.tine.runtime;

import java.util.Arrays;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleSafepoint;
import com.oracle.truffle.api.nodes.Node;

/** `<` outside the nodes (CompareNode), and sort(), which orders with it. */
public final class Ordering {
    private Ordering() {
    }

    /** a < b as `<` says: two numbers (ints, big ints and floats mixed; nan is less than nothing) or two strings. */
    @TruffleBoundary
    public static boolean less(Object a, Object b, Node node) {
        if (a instanceof Long x && b instanceof Long y) {
            return x < y;
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y) < 0;
        }
        if (Equality.isNumber(a) && Equality.isNumber(b)) {
            if (a instanceof Double || b instanceof Double) {
                return Equality.toDouble(a) < Equality.toDouble(b);
            }
            return Equality.toBig(a).compareTo(Equality.toBig(b)) < 0;
        }
        if (Foreign.isForeign(a) || Foreign.isForeign(b)) {
            Object x = Foreign.unboxed(a);
            Object y = Foreign.unboxed(b);
            if (x != a || y != b) {
                return less(x, y, node);
            }
        }
        throw Errors.operandTypes("compare", a, b, node);
    }

    /**
     * A stable merge sort of items, in place: the comparisons of the merge sort the prelude had
     * (an element of the right half goes first only when it is less), so the same order and the
     * same first TypeError, but in Java. Stoppable: it polls Truffle's safepoint at each merge.
     */
    @TruffleBoundary
    public static void sort(Object[] items, Node node) {
        if (!sortInts(items, node)) {
            mergeSort(items, new Object[items.length], 0, items.length, node);
        }
    }

    /** Sorted runs of this many ints between two safepoint polls. */
    private static final int INT_RUN = 1 << 15;

    /**
     * A list of ints only is sorted unboxed: equal ints cannot be told apart, so stability does
     * not show; runs are sorted by Arrays.sort and merged, polling between.
     */
    private static boolean sortInts(Object[] items, Node node) {
        int n = items.length;
        if (n == 0 || !(items[0] instanceof Long)) { // most other lists: no array made for nothing
            return false;
        }
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
            if (!(items[i] instanceof Long x)) {
                return false;
            }
            a[i] = x;
        }
        for (int lo = 0; lo < n; lo += INT_RUN) {
            Arrays.sort(a, lo, Math.min(n, lo + INT_RUN));
            TruffleSafepoint.poll(node);
        }
        long[] tmp = new long[n];
        for (int width = INT_RUN; width < n; width *= 2) {
            for (int lo = 0; lo < n - width; lo += 2 * width) {
                merge(a, tmp, lo, lo + width, Math.min(n, lo + 2 * width));
                TruffleSafepoint.poll(node);
            }
        }
        for (int i = 0; i < n; i++) {
            items[i] = a[i];
        }
        return true;
    }

    private static void merge(long[] a, long[] tmp, int lo, int mid, int hi) {
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
            tmp[k++] = a[j] < a[i] ? a[j++] : a[i++];
        }
        while (i < mid) {
            tmp[k++] = a[i++];
        }
        while (j < hi) {
            tmp[k++] = a[j++];
        }
        System.arraycopy(tmp, lo, a, lo, hi - lo);
    }

    private static void mergeSort(Object[] a, Object[] tmp, int lo, int hi, Node node) {
        if (hi - lo <= 1) {
            return;
        }
        int mid = lo + (hi - lo) / 2;
        mergeSort(a, tmp, lo, mid, node);
        mergeSort(a, tmp, mid, hi, node);
        TruffleSafepoint.poll(node);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
            tmp[k++] = less(a[j], a[i], node) ? a[j++] : a[i++];
        }
        while (i < mid) {
            tmp[k++] = a[i++];
        }
        while (j < hi) {
            tmp[k++] = a[j++];
        }
        System.arraycopy(tmp, lo, a, lo, hi - lo);
    }
}
