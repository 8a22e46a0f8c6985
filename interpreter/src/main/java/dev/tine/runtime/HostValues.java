package dev.tine.runtime;

import java.math.BigInteger;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnsupportedMessageException;

import dev.tine.nodes.TineTypes;

/** Converts values crossing the polyglot boundary into Tine's value set. */
public final class HostValues {
    private HostValues() {
    }

    /**
     * A value coming in from the host or another language: numbers, strings and booleans become
     * Tine's own (Integer to Long, Float to Double, a Character to a string); null to Tine's null.
     * Anything else (a host object, a host BigInteger, a foreign function) stays as it is: it can
     * be passed around, and called when it is executable.
     */
    public static Object fromHost(Object v) {
        Object t = fromJava(v);
        return t != null ? t : fromForeignUncached(v);
    }

    /** The same, with the caller's cached InteropLibrary (Foreign) for what is not a Java value. */
    public static Object fromHost(Object v, InteropLibrary interop) {
        Object t = fromJava(v);
        return t != null ? t : fromForeign(v, interop);
    }

    /** Tine's value for a Java one, or null when v is another language's or a host object. */
    private static Object fromJava(Object v) {
        if (v instanceof Long || v instanceof String || v instanceof Boolean || v instanceof Double || isTineObject(v)) {
            return v;
        } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        } else if (v instanceof Float f) {
            return f.doubleValue();
        } else if (v instanceof Character c) {
            return String.valueOf(c);
        } else if (v == null) {
            return TineNull.INSTANCE;
        } else if (v instanceof BigNumber) {
            return v; // Tine's own big int
        } else if (v instanceof BigInteger b) {
            return TineTypes.normalize(b);
        }
        return null;
    }

    private static volatile boolean foreignSeen;

    /** Whether a host (or other language's) value has come into Tine in this process: fork() then never rehearses (Rehearsal). */
    public static boolean foreignSeen() {
        return foreignSeen;
    }

    private static boolean isTineObject(Object v) {
        return v instanceof TineList || v instanceof TineMap || v instanceof TineFunction || v instanceof TineNull;
    }

    /**
     * Null, booleans and strings of other languages (a JS string is a TruffleString) become Tine's;
     * a number that is an object (a host BigInteger, a JS BigInt) stays itself, so that it is the
     * same object when it goes back (the operators and built-ins take it as a number), and so does
     * every other object.
     */
    @TruffleBoundary
    private static Object fromForeignUncached(Object v) {
        return fromForeign(v, InteropLibrary.getUncached(v));
    }

    private static Object fromForeign(Object v, InteropLibrary interop) {
        try {
            if (interop.isNull(v)) {
                return TineNull.INSTANCE;
            } else if (interop.isBoolean(v)) {
                return interop.asBoolean(v);
            } else if (interop.isString(v)) {
                return interop.asString(v);
            } else if (interop.isNumber(v) && !(v instanceof TruffleObject)) {
                if (interop.fitsInLong(v)) {
                    return interop.asLong(v);
                } else if (interop.fitsInDouble(v)) {
                    return interop.asDouble(v);
                }
            }
        } catch (UnsupportedMessageException e) {
            // not what it said it was: keep the foreign value
        }
        if (!foreignSeen) {
            foreignSeen = true;
        }
        return v;
    }

    /** Converts each argument of a call coming from the host. */
    public static Object[] fromHost(Object[] values) {
        Object[] converted = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            converted[i] = fromHost(values[i]);
        }
        return converted;
    }

    /** Values leaving Tine for the host: every Tine value is an interop value already (big ints are BigNumbers). */
    public static Object toHost(Object v) {
        return v;
    }
}
