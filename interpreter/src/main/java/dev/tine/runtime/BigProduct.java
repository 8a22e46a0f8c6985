package dev.tine.runtime;

import java.math.BigInteger;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleSafepoint;
import com.oracle.truffle.api.nodes.Node;

/**
 * `*` of big ints that a host can stop: BigInteger.multiply of two 8M-bit numbers runs for a
 * second or more and polls nothing, so products past {@link #LEAF_BITS} are split (Karatsuba)
 * into multiplications of at most that size with a safepoint poll before each, and a product
 * past {@link #MAX_BITS} is an ArithmeticError (squaring in a loop would otherwise run until the
 * heap is gone).
 */
public final class BigProduct {
    /** A multiplication of two numbers this long takes a few ms. */
    private static final int LEAF_BITS = 1 << 18;
    /** 16M bits, about 5 million decimal digits. */
    public static final long MAX_BITS = 1L << 24;

    private BigProduct() {
    }

    @TruffleBoundary
    public static BigInteger multiply(BigInteger a, BigInteger b, Node location) {
        if ((long) a.bitLength() + b.bitLength() > MAX_BITS) {
            throw Errors.arithmeticError("int too large (a product of more than " + MAX_BITS + " bits)", location);
        }
        BigInteger p = product(a.abs(), b.abs(), location);
        return a.signum() * b.signum() < 0 ? p.negate() : p;
    }

    private static BigInteger product(BigInteger a, BigInteger b, Node location) {
        if (a.bitLength() < b.bitLength()) {
            BigInteger t = a;
            a = b;
            b = t;
        }
        if (a.bitLength() <= LEAF_BITS) {
            TruffleSafepoint.poll(location);
            return a.multiply(b);
        }
        int m = a.bitLength() / 2;
        BigInteger a1 = a.shiftRight(m);
        BigInteger a0 = low(a, m);
        if (b.bitLength() <= m) {
            return product(a1, b, location).shiftLeft(m).add(product(a0, b, location));
        }
        BigInteger b1 = b.shiftRight(m);
        BigInteger b0 = low(b, m);
        BigInteger high = product(a1, b1, location);
        BigInteger low = product(a0, b0, location);
        BigInteger middle = product(a1.add(a0), b1.add(b0), location).subtract(high).subtract(low);
        return high.shiftLeft(2 * m).add(middle.shiftLeft(m)).add(low);
    }

    private static BigInteger low(BigInteger x, int bits) {
        return x.and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
    }
}
