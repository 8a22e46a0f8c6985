package dev.tine.runtime;

/** Converts values crossing the polyglot boundary into Tine's value set. */
public final class HostValues {
    private HostValues() {
    }

    public static Object fromHost(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        } else if (v instanceof Float f) {
            return f.doubleValue();
        } else if (v instanceof Character c) {
            return String.valueOf(c);
        } else if (v == null) {
            return TineNull.INSTANCE;
        } else if (v instanceof BigNumber b) {
            return b.value;
        }
        return v;
    }

    /** Values leaving Tine for the host: everything is an interop value except BigInteger. */
    public static Object toHost(Object v) {
        return v instanceof java.math.BigInteger b ? new BigNumber(b) : v;
    }
}
