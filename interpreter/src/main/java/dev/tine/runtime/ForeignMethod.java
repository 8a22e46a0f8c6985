package dev.tine.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.ArityException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.CachedLibrary;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.utilities.TriState;

/**
 * `o.name` of a foreign object whose member is a method: called, it is invoked on `o` (interop
 * invokeMember), so that a JS method sees its `this` (`xs.map(f)`), as a host method does.
 */
@ExportLibrary(InteropLibrary.class)
public final class ForeignMethod implements TruffleObject {
    final Object receiver;
    final String name;

    public ForeignMethod(Object receiver, String name) {
        this.receiver = receiver;
        this.name = name;
    }

    @ExportMessage
    boolean isExecutable() {
        return true;
    }

    @ExportMessage
    Object execute(Object[] arguments, @CachedLibrary("this.receiver") InteropLibrary interop)
                    throws UnsupportedMessageException, ArityException, UnsupportedTypeException {
        try {
            return interop.invokeMember(receiver, name, arguments);
        } catch (UnknownIdentifierException e) {
            throw UnsupportedMessageException.create(e); // the member went away since it was read
        }
    }

    @ExportMessage
    TriState isIdenticalOrUndefined(Object other, @CachedLibrary("this.receiver") InteropLibrary interop) {
        if (!(other instanceof ForeignMethod m)) {
            return TriState.UNDEFINED;
        }
        return TriState.valueOf(name.equals(m.name) && interop.isIdentical(receiver, m.receiver, InteropLibrary.getUncached()));
    }

    @ExportMessage
    @TruffleBoundary
    int identityHashCode(@CachedLibrary("this.receiver") InteropLibrary interop) throws UnsupportedMessageException {
        return interop.identityHashCode(receiver) * 31 + name.hashCode();
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return "<method " + name + " of " + Foreign.display(receiver) + ">";
    }
}
