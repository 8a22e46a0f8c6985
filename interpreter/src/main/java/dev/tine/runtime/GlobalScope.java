package dev.tine.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

import dev.tine.TineContext;
import dev.tine.TineLanguage;

/**
 * The top-level scope of a context, as the host sees it through {@code Context.getBindings("tine")}:
 * its members are the script's globals (top-level `let` and `fn`). Built-ins can be read as
 * members too but are not listed. Writing a member declares (or assigns) a global, so a host value
 * put into the bindings is a global the script can use.
 */
@ExportLibrary(InteropLibrary.class)
public final class GlobalScope implements TruffleObject {
    private final TineContext context;

    public GlobalScope(TineContext context) {
        this.context = context;
    }

    @ExportMessage
    boolean isScope() {
        return true;
    }

    @ExportMessage
    boolean hasLanguage() {
        return true;
    }

    @ExportMessage
    Class<? extends TruffleLanguage<?>> getLanguage() {
        return TineLanguage.class;
    }

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    @TruffleBoundary
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        TineList names = new TineList();
        for (GlobalCell cell : context.globals().values()) {
            if (cell.isDefined()) {
                names.add(cell.name);
            }
        }
        return names;
    }

    @TruffleBoundary
    private GlobalCell defined(String name) {
        GlobalCell cell = context.existingGlobal(name);
        return cell != null && cell.isDefined() ? cell : null;
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberReadable(String member) {
        return defined(member) != null || context.builtin(member) != null;
    }

    /** Writing a built-in's name declares a global that shadows it. */
    @ExportMessage
    boolean isMemberModifiable(String member) {
        return isMemberReadable(member);
    }

    @ExportMessage
    boolean isMemberInsertable(String member) {
        return !isMemberReadable(member);
    }

    @ExportMessage
    boolean isMemberRemovable(String member) {
        return defined(member) != null;
    }

    @ExportMessage
    @TruffleBoundary
    Object readMember(String member) throws UnknownIdentifierException {
        GlobalCell cell = defined(member);
        Object v = cell != null ? cell.read() : context.builtin(member);
        if (v == null) {
            throw UnknownIdentifierException.create(member);
        }
        return HostValues.toHost(v);
    }

    @ExportMessage
    @TruffleBoundary
    void writeMember(String member, Object value) {
        GlobalCell cell = context.globalCell(member);
        cell.set(HostValues.fromHost(value));
    }

    @ExportMessage
    @TruffleBoundary
    void removeMember(String member) throws UnknownIdentifierException {
        GlobalCell cell = defined(member);
        if (cell == null) {
            throw UnknownIdentifierException.create(member);
        }
        cell.undefine();
    }

    @ExportMessage
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return "global";
    }
}
