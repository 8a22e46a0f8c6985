package dev.tine.nodes.arith;

import java.math.BigInteger;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;

import dev.tine.runtime.BigNumber;
import dev.tine.nodes.BinaryNode;
import dev.tine.nodes.TineTypes;
import dev.tine.runtime.BigProduct;
import dev.tine.runtime.Errors;

/** `a * b` */
public abstract class MulNode extends BinaryNode {
    @Specialization(rewriteOn = ArithmeticException.class)
    protected long mulLongs(long a, long b) {
        return Math.multiplyExact(a, b);
    }

    @Specialization
    @TruffleBoundary
    protected Object mulBig(BigNumber x, BigNumber y) {
        BigInteger a = x.value;
        BigInteger b = y.value;
        return TineTypes.normalize(BigProduct.multiply(a, b, this));
    }

    @Specialization
    protected double mulDoubles(double a, double b) {
        return a * b;
    }

    @Fallback
    protected Object typeError(Object a, Object b) {
        Object r = retryUnboxed(a, b);
        if (r != null) {
            return r;
        }
        throw Errors.operandTypes("multiply", a, b, this);
    }
}
