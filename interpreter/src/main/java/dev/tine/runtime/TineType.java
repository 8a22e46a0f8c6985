package dev.tine.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

import dev.tine.TineLanguage;

/** The meta object of a Tine value, for tools and other languages: named as `type(x)` names it. */
@ExportLibrary(InteropLibrary.class)
public final class TineType implements TruffleObject {
    public static final TineType NULL = new TineType("null");
    public static final TineType BOOL = new TineType("bool");
    public static final TineType INT = new TineType("int");
    public static final TineType FLOAT = new TineType("float");
    public static final TineType STRING = new TineType("string");
    public static final TineType LIST = new TineType("list");
    public static final TineType MAP = new TineType("map");
    public static final TineType FUNCTION = new TineType("function");
    public static final TineType FOREIGN = new TineType("foreign");

    private static final TineType[] ALL = {NULL, BOOL, INT, FLOAT, STRING, LIST, MAP, FUNCTION, FOREIGN};

    public final String name;

    private TineType(String name) {
        this.name = name;
    }

    @TruffleBoundary
    public static TineType of(Object v) {
        String name = TypeNames.of(HostValues.fromHost(v));
        for (TineType t : ALL) {
            if (t.name.equals(name)) {
                return t;
            }
        }
        return FOREIGN;
    }

    @ExportMessage
    boolean isMetaObject() {
        return true;
    }

    @ExportMessage(name = "getMetaSimpleName")
    @ExportMessage(name = "getMetaQualifiedName")
    Object getName() {
        return name;
    }

    @ExportMessage
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return name;
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMetaInstance(Object instance) {
        return of(instance) == this;
    }

    @ExportMessage
    boolean hasLanguage() {
        return true;
    }

    @ExportMessage
    Class<? extends TruffleLanguage<?>> getLanguage() {
        return TineLanguage.class;
    }
}
