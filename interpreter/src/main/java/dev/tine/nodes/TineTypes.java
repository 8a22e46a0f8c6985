package dev.tine.nodes;

import java.math.BigInteger;

import com.oracle.truffle.api.dsl.ImplicitCast;
import com.oracle.truffle.api.dsl.TypeSystem;

import dev.tine.runtime.BigNumber;

/**
 * Ints are longs until they overflow, then BigNumbers (an interop number around a BigInteger)
 * that never fit a long: a raw BigInteger is no interop value, and tools see every value.
 */
@TypeSystem({boolean.class, long.class, BigNumber.class, double.class, String.class})
public abstract class TineTypes {
    @ImplicitCast
    public static BigNumber longToBig(long v) {
        return new BigNumber(BigInteger.valueOf(v));
    }

    @ImplicitCast
    public static double longToDouble(long v) {
        return v;
    }

    @ImplicitCast
    public static double bigToDouble(BigNumber v) {
        return v.value.doubleValue();
    }

    /** The canonical int: a long when it fits. */
    public static Object normalize(BigInteger v) {
        return v.bitLength() < 64 ? (Object) v.longValue() : new BigNumber(v);
    }
}
