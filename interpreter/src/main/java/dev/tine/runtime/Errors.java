package dev.tine.runtime;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;

/** Builders for the runtime errors of LANGUAGE.md; each returns the exception for `throw`. */
public final class Errors {
    private Errors() {
    }

    @TruffleBoundary
    public static TineMap errorMap(String kind, String message) {
        return TineMap.of("kind", kind, "message", message);
    }

    @TruffleBoundary
    public static TineException error(String kind, String message, Node location) {
        CompilerDirectives.transferToInterpreter();
        return new TineException(errorMap(kind, message), location);
    }

    public static TineException typeError(String message, Node location) {
        return error("TypeError", message, location);
    }

    public static TineException nameError(String message, Node location) {
        return error("NameError", message, location);
    }

    public static TineException valueError(String message, Node location) {
        return error("ValueError", message, location);
    }

    public static TineException indexError(String message, Node location) {
        return error("IndexError", message, location);
    }

    public static TineException keyError(String message, Node location) {
        return error("KeyError", message, location);
    }

    public static TineException arithmeticError(String message, Node location) {
        return error("ArithmeticError", message, location);
    }

    /** KeyError: no key "name" in map */
    @TruffleBoundary
    public static TineException missingKey(Object key, Node location) {
        return keyError("no key " + (key instanceof String s ? Printer.quote(s) : Printer.str(key)) + " in map", location);
    }

    /** IndexError: list index 5 out of range (size 2) */
    @TruffleBoundary
    public static TineException indexOutOfRange(String what, long index, int size, Node location) {
        return indexError(what + " index " + index + " out of range (size " + size + ")", location);
    }

    @TruffleBoundary
    public static TineException osError(int errno, String errnoName, String message, Node location) {
        TineMap m = errorMap("OSError", message);
        m.put("errno", (long) errno);
        m.put("errno_name", errnoName);
        return new TineException(m, location);
    }

    /** The one place an OS failure becomes a script's OSError. */
    @TruffleBoundary
    public static TineException osError(dev.tine.posix.PosixException e, Node location) {
        return osError(e.errno, e.errnoName, e.getMessage(), location);
    }

    /**
     * Room kept for reporting an OutOfMemoryError: a script that filled the heap step by step
     * still holds what it filled while its error is made. Given up at the first one, made again after.
     */
    private static byte[] reserve = new byte[1 << 20];

    /** ValueError: out of memory, where an OutOfMemoryError was caught; never the JVM's text. */
    @TruffleBoundary
    public static TineException outOfMemory(Node location) {
        reserve = null;
        TineException e = valueError("out of memory", location);
        try {
            reserve = new byte[1 << 20];
        } catch (OutOfMemoryError again) {
            // still full: the error unwinds the script's frames, which frees what they held
        }
        return e;
    }

    /** "cannot add int and string" */
    @TruffleBoundary
    public static TineException operandTypes(String verb, Object a, Object b, Node location) {
        for (Object v : new Object[]{a, b}) {
            if (v instanceof dev.tine.fork.ForkedHostObject host) {
                return typeError(host.unavailable(), location); // in a fork child: say why
            }
        }
        return typeError("cannot " + verb + " " + TypeNames.of(a) + " and " + TypeNames.of(b), location);
    }
}
