package dev.tine.nodes;

import java.math.BigInteger;

import com.oracle.truffle.api.dsl.ImplicitCast;
import com.oracle.truffle.api.dsl.TypeSystem;

/** Ints are longs until they overflow, then BigIntegers that never fit a long. */
@TypeSystem({boolean.class, long.class, BigInteger.class, double.class, String.class})
public abstract class TineTypes {
    @ImplicitCast
    public static BigInteger longToBig(long v) {
        return BigInteger.valueOf(v);
    }

    @ImplicitCast
    public static double longToDouble(long v) {
        return v;
    }

    @ImplicitCast
    public static double bigToDouble(BigInteger v) {
        return v.doubleValue();
    }

    /** The canonical int: a long when it fits. */
    public static Object normalize(BigInteger v) {
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }
}
