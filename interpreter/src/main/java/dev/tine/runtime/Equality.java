package dev.tine.runtime;

import java.math.BigInteger;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/** `==`: value equality, structural for lists and maps, numeric across int and float. */
public final class Equality {
    private Equality() {
    }

    @TruffleBoundary
    public static boolean equal(Object a, Object b) {
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
                return !(a instanceof BigInteger || b instanceof BigInteger) || Double.isInfinite(x)
                                || new java.math.BigDecimal(x).equals(new java.math.BigDecimal(toBig(a instanceof Double ? b : a)));
            }
            return toBig(a).equals(toBig(b));
        }
        if (a instanceof TineList x && b instanceof TineList y) {
            if (x.items.size() != y.items.size()) {
                return false;
            }
            for (int i = 0; i < x.items.size(); i++) {
                if (!equal(x.items.get(i), y.items.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof TineMap x && b instanceof TineMap y) {
            if (x.entries.size() != y.entries.size()) {
                return false;
            }
            for (Map.Entry<Object, Object> e : x.entries.entrySet()) {
                Object other = y.entries.get(e.getKey());
                if (other == null || !equal(e.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    public static boolean isNumber(Object v) {
        return v instanceof Long || v instanceof Double || v instanceof BigInteger;
    }

    public static double toDouble(Object v) {
        return v instanceof Long l ? l : v instanceof Double d ? d : ((BigInteger) v).doubleValue();
    }

    static BigInteger toBig(Object v) {
        return v instanceof BigInteger b ? b : BigInteger.valueOf((Long) v);
    }
}
