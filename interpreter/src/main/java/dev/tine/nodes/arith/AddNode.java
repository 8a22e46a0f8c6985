package dev.tine.nodes.arith;

import java.math.BigInteger;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.ImportStatic;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.library.CachedLibrary;

import dev.tine.runtime.BigNumber;
import dev.tine.nodes.BinaryNode;
import dev.tine.nodes.TineTypes;
import dev.tine.runtime.Errors;
import dev.tine.runtime.Foreign;
import dev.tine.runtime.TineList;

/** `a + b`: numbers, two strings, or two lists (foreign arrays too). */
@ImportStatic(Foreign.class)
public abstract class AddNode extends BinaryNode {
    @Specialization(rewriteOn = ArithmeticException.class)
    protected long addLongs(long a, long b) {
        return Math.addExact(a, b);
    }

    @Specialization
    @TruffleBoundary
    protected Object addBig(BigNumber x, BigNumber y) {
        BigInteger a = x.value;
        BigInteger b = y.value;
        return TineTypes.normalize(a.add(b));
    }

    @Specialization
    protected double addDoubles(double a, double b) {
        return a + b;
    }

    @Specialization
    @TruffleBoundary
    protected String concat(String a, String b) {
        return a.concat(b);
    }

    @Specialization
    @TruffleBoundary
    protected TineList concatLists(TineList a, TineList b) {
        TineList r = new TineList(a.items);
        r.items.addAll(b.items);
        return r;
    }

    /** A foreign array with a list or another foreign array: a new list of both's elements. */
    @Specialization(guards = {"isForeign(a) || isForeign(b)", "isList(a, interop)", "isList(b, interop)"})
    protected TineList concatForeign(Object a, Object b, @CachedLibrary(limit = "3") InteropLibrary interop) {
        TineList r = elements(a, interop);
        r.items.addAll(elements(b, interop).items);
        return r;
    }

    static boolean isList(Object v, InteropLibrary interop) {
        return v instanceof TineList || (Foreign.isForeign(v) && interop.hasArrayElements(v));
    }

    private TineList elements(Object v, InteropLibrary interop) {
        return v instanceof TineList list ? new TineList(list.items) : Foreign.elements(v, interop, this);
    }

    @Fallback
    protected Object typeError(Object a, Object b) {
        Object r = retryUnboxed(a, b);
        if (r != null) {
            return r;
        }
        throw Errors.operandTypes("add", a, b, this);
    }
}
