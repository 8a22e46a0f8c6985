package dev.tine.nodes.arith;

import java.math.BigInteger;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;

import dev.tine.runtime.BigNumber;
import dev.tine.nodes.BinaryNode;
import dev.tine.nodes.TineTypes;
import dev.tine.runtime.Errors;

/** `a / b`: two ints floor, anything with a float divides exactly. */
public abstract class DivNode extends BinaryNode {
    @Specialization(guards = {"b != 0", "!overflows(a, b)"})
    protected long divLongs(long a, long b) {
        return Math.floorDiv(a, b);
    }

    protected static boolean overflows(long a, long b) {
        return a == Long.MIN_VALUE && b == -1;
    }

    @Specialization
    @TruffleBoundary
    protected Object divBig(BigNumber x, BigNumber y) {
        BigInteger a = x.value;
        BigInteger b = y.value;
        if (b.signum() == 0) {
            throw Errors.arithmeticError("division by zero", this);
        }
        BigInteger[] qr = a.divideAndRemainder(b);
        BigInteger q = qr[0];
        if (qr[1].signum() != 0 && (qr[1].signum() != b.signum())) {
            q = q.subtract(BigInteger.ONE);
        }
        return TineTypes.normalize(q);
    }

    @Specialization
    protected double divDoubles(double a, double b) {
        if (b == 0) {
            throw Errors.arithmeticError("division by zero", this);
        }
        return a / b;
    }

    @Fallback
    protected Object typeError(Object a, Object b) {
        Object r = retryUnboxed(a, b);
        if (r != null) {
            return r;
        }
        throw Errors.operandTypes("divide", a, b, this);
    }
}
