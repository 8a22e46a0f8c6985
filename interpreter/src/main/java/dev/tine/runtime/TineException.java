package dev.tine.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.interop.ExceptionType;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.TruffleStackTrace;
import com.oracle.truffle.api.TruffleStackTraceElement;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.SourceSection;

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

    // ---- the host sees an error map's fields (kind, message, errno, ...) as the exception's members

    @ExportMessage
    boolean hasMembers() {
        return value instanceof TineMap;
    }

    @ExportMessage
    @TruffleBoundary
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) throws UnsupportedMessageException {
        if (!(value instanceof TineMap m)) {
            throw UnsupportedMessageException.create();
        }
        TineList names = new TineList();
        for (Object k : m.entries.keySet()) {
            if (k instanceof String) {
                names.add(k);
            }
        }
        return names;
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberReadable(String member) {
        return value instanceof TineMap m && m.entries.containsKey(member);
    }

    @ExportMessage
    @TruffleBoundary
    Object readMember(String member) throws UnknownIdentifierException {
        Object v = value instanceof TineMap m ? m.get(member) : null;
        if (v == null) {
            throw UnknownIdentifierException.create(member);
        }
        return HostValues.toHost(v);
    }

    // ---- where it happened: the failing node, or for an error raised inside a built-in, its call site

    @ExportMessage
    boolean hasSourceLocation() {
        return sourceLocation() != null;
    }

    @ExportMessage(name = "getSourceLocation")
    SourceSection getSourceLocationMessage() throws UnsupportedMessageException {
        SourceSection s = sourceLocation();
        if (s == null) {
            throw UnsupportedMessageException.create();
        }
        return s;
    }

    @TruffleBoundary
    private SourceSection sourceLocation() {
        Node at = getLocation();
        SourceSection s = at == null ? null : at.getEncapsulatingSourceSection();
        if (usable(s)) {
            return s;
        }
        for (TruffleStackTraceElement e : TruffleStackTrace.getStackTrace(this)) {
            s = e.getLocation() == null ? null : e.getLocation().getEncapsulatingSourceSection();
            if (usable(s)) {
                return s;
            }
        }
        return null;
    }

    private static boolean usable(SourceSection s) {
        return s != null && s.isAvailable() && !s.getSource().isInternal();
    }
}
