package dev.tine.runtime;

import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/** The single `null` value. */
@ExportLibrary(InteropLibrary.class)
public final class TineNull implements TruffleObject {
    public static final TineNull INSTANCE = new TineNull();

    private TineNull() {
    }

    @Override
    public String toString() {
        return "null";
    }

    @ExportMessage
    boolean isNull() {
        return true;
    }

    @ExportMessage
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return "null";
    }

    @ExportMessage
    boolean hasMetaObject() {
        return true;
    }

    @ExportMessage
    Object getMetaObject() {
        return TineType.NULL;
    }
}
