package dev.tine.nodes.arith;

import java.math.BigInteger;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;

import dev.tine.runtime.BigNumber;
import dev.tine.nodes.BinaryNode;
import dev.tine.nodes.TineTypes;
import dev.tine.runtime.Errors;
import dev.tine.runtime.TineList;

/** `a + b`: numbers, two strings, or two lists. */
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

    @Fallback
    protected Object typeError(Object a, Object b) {
        throw Errors.operandTypes("add", a, b, this);
    }
}
