package dev.tine.nodes.arith;

import java.math.BigInteger;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;

import dev.tine.runtime.BigNumber;
import dev.tine.nodes.BinaryNode;
import dev.tine.nodes.TineTypes;
import dev.tine.runtime.Errors;

/** `a % b`: the result takes the divisor's sign, as in Python. */
public abstract class ModNode extends BinaryNode {
    @Specialization(guards = "b != 0")
    protected long modLongs(long a, long b) {
        return Math.floorMod(a, b);
    }

    @Specialization
    @TruffleBoundary
    protected Object modBig(BigNumber x, BigNumber y) {
        BigInteger a = x.value;
        BigInteger b = y.value;
        if (b.signum() == 0) {
            throw Errors.arithmeticError("division by zero", this);
        }
        BigInteger r = a.mod(b.abs());
        if (b.signum() < 0 && r.signum() != 0) {
            r = r.add(b);
        }
        return TineTypes.normalize(r);
    }

    @Specialization
    protected double modDoubles(double a, double b) {
        if (b == 0) {
            throw Errors.arithmeticError("division by zero", this);
        }
        double r = a % b;
        if (r != 0 && (r < 0) != (b < 0)) {
            r += b;
        }
        return r;
    }

    @Fallback
    protected Object typeError(Object a, Object b) {
        Object r = retryUnboxed(a, b);
        if (r != null) {
            return r;
        }
        throw Errors.operandTypes("take the remainder of", a, b, this);
    }
}
