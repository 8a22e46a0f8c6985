package dev.tine.runtime;

import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.utilities.TriState;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.InvalidArrayIndexException;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/** A mutable, 0-based list. */
@ExportLibrary(InteropLibrary.class)
public final class TineList implements TruffleObject {
    public final ArrayList<Object> items;

    public TineList() {
        this.items = new ArrayList<>();
    }

    public TineList(List<Object> items) {
        this.items = new ArrayList<>(items);
    }

    public int size() {
        return items.size();
    }

    @TruffleBoundary
    public Object get(int i) {
        return items.get(i);
    }

    @TruffleBoundary
    public void add(Object v) {
        items.add(v);
    }

    @ExportMessage
    boolean hasArrayElements() {
        return true;
    }

    @ExportMessage
    long getArraySize() {
        return items.size();
    }

    @ExportMessage
    boolean isArrayElementReadable(long index) {
        return index >= 0 && index < items.size();
    }

    @ExportMessage
    boolean isArrayElementModifiable(long index) {
        return isArrayElementReadable(index);
    }

    @ExportMessage
    boolean isArrayElementInsertable(long index) {
        return index == items.size();
    }

    @ExportMessage
    @TruffleBoundary
    Object readArrayElement(long index) throws InvalidArrayIndexException {
        if (!isArrayElementReadable(index)) {
            throw InvalidArrayIndexException.create(index);
        }
        return HostValues.toHost(items.get((int) index));
    }

    @ExportMessage
    @TruffleBoundary
    void writeArrayElement(long index, Object hostValue) throws InvalidArrayIndexException {
        Object value = HostValues.fromHost(hostValue);
        if (index == items.size()) {
            items.add(value);
        } else if (isArrayElementReadable(index)) {
            items.set((int) index, value);
        } else {
            throw InvalidArrayIndexException.create(index);
        }
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return Printer.str(this);
    }

    @ExportMessage
    boolean hasMetaObject() {
        return true;
    }

    @ExportMessage
    Object getMetaObject() {
        return TineType.LIST;
    }

    /** The same list to other languages (JS `===`) and the host (Value.equals): identity, not contents. */
    @ExportMessage
    static final class IsIdenticalOrUndefined {
        @Specialization
        static TriState same(TineList receiver, TineList other) {
            return TriState.valueOf(receiver == other);
        }

        @Fallback
        static TriState other(@SuppressWarnings("unused") TineList receiver, @SuppressWarnings("unused") Object other) {
            return TriState.UNDEFINED;
        }
    }

    @ExportMessage
    @TruffleBoundary
    int identityHashCode() {
        return System.identityHashCode(this);
    }
}
