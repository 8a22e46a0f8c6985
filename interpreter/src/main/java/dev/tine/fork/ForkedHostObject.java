package dev.tine.fork;

import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/** Stands in a fork child for a host object of the parent, which cannot be copied into another process. */
@ExportLibrary(InteropLibrary.class)
public final class ForkedHostObject implements TruffleObject {
    public final String description;

    public ForkedHostObject(String description) {
        this.description = description;
    }

    public String unavailable() {
        return "host object " + description + " is not available in a fork() child (host objects are not copied)";
    }

    @Override
    public String toString() {
        return "<host " + description + ">";
    }

    @ExportMessage
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return toString();
    }
}
