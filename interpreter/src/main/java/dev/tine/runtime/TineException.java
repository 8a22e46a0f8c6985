package dev.tine.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.interop.ExceptionType;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.nodes.Node;

/** A thrown Tine value: usually an error map {kind, message, ...}, but any value can be thrown. */
@ExportLibrary(InteropLibrary.class)
public final class TineException extends AbstractTruffleException {
    private static final long serialVersionUID = 1L;

    public final transient Object value;

    public TineException(Object value, Node location) {
        super(describe(value), location);
        this.value = value;
    }

    /** "Kind: message" for error maps, else str(value). */
    @TruffleBoundary
    public static String describe(Object value) {
        if (value instanceof TineMap m && m.get("kind") instanceof String kind && m.get("message") != null) {
            return kind + ": " + Printer.str(m.get("message"));
        }
        return Printer.str(value);
    }

    @TruffleBoundary
    public String kind() {
        return value instanceof TineMap m && m.get("kind") instanceof String k ? k : null;
    }

    @ExportMessage
    ExceptionType getExceptionType() {
        return ExceptionType.RUNTIME_ERROR;
    }
}
