package dev.tine.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

import dev.tine.TineLanguage;

/**
 * How Tine shows a primitive (long, double, boolean, string) to the host: Value.toString() of a
 * float is "2.0" or "1e+20" as str() makes it, not Java's "1.0E20"; its meta object is the Tine
 * type (`type(x)`). Every other message goes to the value itself.
 */
@ExportLibrary(value = InteropLibrary.class, delegateTo = "delegate")
public final class LanguageView implements TruffleObject {
    final Object delegate;

    public LanguageView(Object delegate) {
        this.delegate = delegate;
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
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return Printer.str(delegate);
    }

    @ExportMessage
    boolean hasMetaObject() {
        return true;
    }

    @ExportMessage
    Object getMetaObject() {
        return TineType.of(delegate);
    }
}
