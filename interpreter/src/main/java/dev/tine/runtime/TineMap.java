package dev.tine.runtime;

import java.util.LinkedHashMap;

import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.utilities.TriState;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.interop.UnknownKeyException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/** A mutable, insertion-ordered map; keys are strings, ints (Long or BigNumber) or bools. */
@ExportLibrary(InteropLibrary.class)
public final class TineMap implements TruffleObject {
    public final LinkedHashMap<Object, Object> entries = new LinkedHashMap<>();

    @TruffleBoundary
    public Object get(Object key) {
        return entries.get(key);
    }

    @TruffleBoundary
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @TruffleBoundary
    public static TineMap of(Object... keyValues) {
        TineMap m = new TineMap();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.entries.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    @TruffleBoundary
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        TineList names = new TineList();
        for (Object k : entries.keySet()) {
            if (k instanceof String) {
                names.add(k);
            }
        }
        return names;
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberReadable(String member) {
        return entries.containsKey(member);
    }

    @ExportMessage
    boolean isMemberModifiable(String member) {
        return isMemberReadable(member);
    }

    @ExportMessage
    boolean isMemberInsertable(String member) {
        return !isMemberReadable(member);
    }

    @ExportMessage
    @TruffleBoundary
    Object readMember(String member) throws UnknownIdentifierException {
        Object v = entries.get(member);
        if (v == null) {
            throw UnknownIdentifierException.create(member);
        }
        return HostValues.toHost(v);
    }

    @ExportMessage
    @TruffleBoundary
    void writeMember(String member, Object value) {
        entries.put(member, HostValues.fromHost(value));
    }

    // ---- hash entries: every key, not only strings (ints and bools too), as the host's Map view

    /** A key from the host as a Tine key, or null when it cannot be one (keys are strings, ints or bools). */
    @TruffleBoundary
    private static Object key(Object hostKey) {
        Object k = HostValues.fromHost(hostKey);
        return k instanceof String || k instanceof Long || k instanceof BigNumber || k instanceof Boolean ? k : null;
    }

    @ExportMessage
    boolean hasHashEntries() {
        return true;
    }

    @ExportMessage
    @TruffleBoundary
    long getHashSize() {
        return entries.size();
    }

    @ExportMessage
    @TruffleBoundary
    boolean isHashEntryReadable(Object hostKey) {
        Object k = key(hostKey);
        return k != null && entries.containsKey(k);
    }

    @ExportMessage
    boolean isHashEntryModifiable(Object hostKey) {
        return isHashEntryReadable(hostKey);
    }

    @ExportMessage
    boolean isHashEntryRemovable(Object hostKey) {
        return isHashEntryReadable(hostKey);
    }

    @ExportMessage
    @TruffleBoundary
    boolean isHashEntryInsertable(Object hostKey) {
        Object k = key(hostKey);
        return k != null && !entries.containsKey(k);
    }

    @ExportMessage
    @TruffleBoundary
    Object readHashValue(Object hostKey) throws UnknownKeyException {
        Object k = key(hostKey);
        Object v = k == null ? null : entries.get(k);
        if (v == null) {
            throw UnknownKeyException.create(hostKey);
        }
        return HostValues.toHost(v);
    }

    @ExportMessage
    @TruffleBoundary
    void writeHashEntry(Object hostKey, Object value) throws UnsupportedTypeException {
        Object k = key(hostKey);
        if (k == null) {
            throw UnsupportedTypeException.create(new Object[]{hostKey}, "map keys are strings, ints or bools");
        }
        entries.put(k, HostValues.fromHost(value));
    }

    @ExportMessage
    @TruffleBoundary
    void removeHashEntry(Object hostKey) throws UnknownKeyException {
        Object k = key(hostKey);
        if (k == null || entries.remove(k) == null) {
            throw UnknownKeyException.create(hostKey);
        }
    }

    @ExportMessage
    Object getHashEntriesIterator() {
        return new EntryIterator(this);
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
        return TineType.MAP;
    }

    /** The same map to other languages (JS `===`) and the host (Value.equals): identity, not contents. */
    @ExportMessage
    static final class IsIdenticalOrUndefined {
        @Specialization
        static TriState same(TineMap receiver, TineMap other) {
            return TriState.valueOf(receiver == other);
        }

        @Fallback
        static TriState other(@SuppressWarnings("unused") TineMap receiver, @SuppressWarnings("unused") Object other) {
            return TriState.UNDEFINED;
        }
    }

    @ExportMessage
    @TruffleBoundary
    int identityHashCode() {
        return System.identityHashCode(this);
    }
}
