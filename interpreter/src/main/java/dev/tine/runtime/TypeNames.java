package dev.tine.runtime;

/** The names `type(x)` returns; "foreign" for a value of another language or the host that is not a number. */
public final class TypeNames {
    private TypeNames() {
    }

    public static String of(Object v) {
        if (v instanceof Long || v instanceof BigNumber) {
            return "int";
        } else if (v instanceof Double) {
            return "float";
        } else if (v instanceof String) {
            return "string";
        } else if (v instanceof Boolean) {
            return "bool";
        } else if (v instanceof TineList) {
            return "list";
        } else if (v instanceof TineMap) {
            return "map";
        } else if (v instanceof TineFunction) {
            return "function";
        } else if (v == TineNull.INSTANCE) {
            return "null";
        }
        Object n = Foreign.number(v);
        if (n != null) {
            return of(n); // a host BigInteger, a JS BigInt: numbers that kept their identity
        }
        return "foreign";
    }
}
