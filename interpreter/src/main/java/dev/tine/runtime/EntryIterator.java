package dev.tine.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.StopIterationException;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/** An interop iterator over a snapshot of a map's entries, each a two-element list [key, value] (what getHashEntriesIterator promises). */
@ExportLibrary(InteropLibrary.class)
final class EntryIterator implements TruffleObject {
    private final Object[] keys;
    private final Object[] values;
    private int next;

    @TruffleBoundary
    EntryIterator(TineMap map) {
        this.keys = map.entries.keySet().toArray();
        this.values = map.entries.values().toArray();
    }

    @ExportMessage
    boolean isIterator() {
        return true;
    }

    @ExportMessage
    boolean hasIteratorNextElement() {
        return next < keys.length;
    }

    @ExportMessage
    @TruffleBoundary
    Object getIteratorNextElement() throws StopIterationException {
        if (next >= keys.length) {
            throw StopIterationException.create();
        }
        TineList entry = new TineList();
        entry.add(keys[next]);
        entry.add(values[next]);
        next++;
        return entry;
    }

    @ExportMessage
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return "<map entries>";
    }
}
