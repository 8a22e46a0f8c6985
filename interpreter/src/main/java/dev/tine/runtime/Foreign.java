package dev.tine.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.StopIterationException;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.nodes.Node;

import dev.tine.fork.ForkedHostObject;
import dev.tine.nodes.TineTypes;

/**
 * A value of another language or of the host, used as Tine uses its own lists and maps: an
 * array is a list (int positions, negative from the end), a hash (interop hash entries) is a map
 * with any keys, any other object with members is a map of its member names. In that order: an
 * array's members (JS's `length`) and a host map's methods stay out of its elements and keys.
 *
 * The nodes and built-ins pass their cached (dispatched) InteropLibrary; values read come in
 * through {@link HostValues#fromHost}, values written go out through {@link HostValues#toHost}.
 */
public final class Foreign {
    private Foreign() {
    }

    /** A DSL guard: not one of Tine's own values, nor a fork child's stand-in for a host object. */
    public static boolean isForeign(Object v) {
        return v instanceof TruffleObject && !(v instanceof TineList || v instanceof TineMap || v instanceof TineFunction || v instanceof TineNull
                        || v instanceof BigNumber || v instanceof ForkedHostObject || v instanceof TineException);
    }

    /** len(x); -1 when x has no size (a number that is an object, a host BigInteger, is a number: its methods are no members here). */
    public static long size(Object x, InteropLibrary lib) {
        try {
            if (lib.isNumber(x)) {
                return -1;
            } else if (lib.hasArrayElements(x)) {
                return lib.getArraySize(x);
            } else if (lib.hasHashEntries(x)) {
                return lib.getHashSize(x);
            } else if (lib.hasMembers(x)) {
                return lib.getArraySize(lib.getMembers(x));
            }
        } catch (UnsupportedMessageException e) {
            // no size after all
        }
        return -1;
    }

    /** What `for` walks, as a new list: an array's elements, a hash's keys, an iterable's items, an object's member names; null when none. */
    public static TineList sequence(Object x, InteropLibrary lib, Node node) {
        try {
            if (lib.isNumber(x)) {
                return null; // a host BigInteger is an int
            } else if (lib.hasArrayElements(x)) {
                return elements(x, lib, node);
            } else if (lib.hasHashEntries(x)) {
                return keys(x, lib, node);
            } else if (lib.hasIterator(x)) { // a JS Set, a Java Set: its items, not its methods
                return drain(lib.getIterator(x), lib);
            } else if (lib.hasMembers(x)) {
                return keys(x, lib, node);
            }
        } catch (InteropException e) {
            throw failed(e, node);
        }
        return null;
    }

    /** The elements of a foreign array. */
    public static TineList elements(Object x, InteropLibrary lib, Node node) {
        try {
            long n = lib.getArraySize(x);
            TineList out = new TineList();
            for (long i = 0; i < n; i++) {
                out.add(HostValues.fromHost(lib.readArrayElement(x, i), lib));
            }
            return out;
        } catch (InteropException e) {
            throw failed(e, node);
        }
    }

    /** Whether keys(x) has an answer: a hash, or an object with members that is not an array. */
    public static boolean hasKeys(Object x, InteropLibrary lib) {
        return !lib.hasArrayElements(x) && !lib.isNumber(x) && (lib.hasHashEntries(x) || lib.hasMembers(x));
    }

    /** keys(x) of a hash or an object with members; null for anything else. */
    public static TineList keys(Object x, InteropLibrary lib, Node node) {
        try {
            if (lib.hasArrayElements(x) || lib.isNumber(x)) {
                return null;
            } else if (lib.hasHashEntries(x)) {
                return drain(lib.getHashKeysIterator(x), lib);
            } else if (lib.hasMembers(x)) {
                return elements(lib.getMembers(x), lib, node);
            }
        } catch (InteropException e) {
            throw failed(e, node);
        }
        return null;
    }

    /** values(x), in the order of keys(x); null when x has no keys. */
    public static TineList values(Object x, InteropLibrary lib, Node node) {
        TineList keys = keys(x, lib, node);
        if (keys == null) {
            return null;
        }
        TineList out = new TineList();
        for (int i = 0; i < keys.size(); i++) {
            Object v = read(x, keys.get(i), lib, node);
            out.add(v == null ? TineNull.INSTANCE : v);
        }
        return out;
    }

    private static TineList drain(Object iterator, InteropLibrary lib) throws UnsupportedMessageException {
        TineList out = new TineList();
        try {
            while (lib.hasIteratorNextElement(iterator)) {
                out.add(HostValues.fromHost(lib.getIteratorNextElement(iterator), lib));
            }
        } catch (StopIterationException e) {
            // ended between the two calls
        }
        return out;
    }

    /** An array index as Tine's own number: a host BigInteger is the int it equals (a BigNumber past 64 bits). */
    private static Object index(Object key) {
        return isForeign(key) ? unboxed(key) : key;
    }

    /** The position of `index` in an array of `size`, negative from the end; -1 when out of range or not an int. */
    public static long position(Object index, long size) {
        if (!(index instanceof Long l)) {
            return -1;
        }
        long i = l < 0 ? l + size : l;
        return i >= 0 && i < size ? i : -1;
    }

    /** x[key] or x.key: the value, or null when there is none (the caller decides which error, or the default). */
    public static Object read(Object x, Object rawKey, InteropLibrary lib, Node node) {
        Object key = lib.hasArrayElements(x) ? index(rawKey) : rawKey;
        try {
            if (lib.hasArrayElements(x) && key instanceof Long) {
                long p = position(key, lib.getArraySize(x));
                return p < 0 ? null : HostValues.fromHost(lib.readArrayElement(x, p), lib);
            }
            Object hostKey = HostValues.toHost(key);
            if (lib.hasHashEntries(x) && lib.isHashEntryReadable(x, hostKey)) {
                return HostValues.fromHost(lib.readHashValue(x, hostKey), lib);
            }
            if (key instanceof String name && lib.isMemberReadable(x, name)) {
                if (lib.isMemberInvocable(x, name)) {
                    return new ForeignMethod(x, name);
                }
                return HostValues.fromHost(lib.readMember(x, name), lib);
            }
        } catch (InteropException e) {
            throw failed(e, node);
        }
        return null;
    }

    /** x[key] where read found nothing: IndexError past an array's end, KeyError for a missing key or member. */
    @TruffleBoundary
    public static TineException missing(Object x, Object rawKey, InteropLibrary lib, Node node) {
        Object key = lib.hasArrayElements(x) ? index(rawKey) : rawKey;
        try {
            if (lib.hasArrayElements(x) && (key instanceof Long || key instanceof BigNumber)) { // past 64 bits: past every end, as for lists
                return Errors.indexError("foreign array index " + key + " out of range (size " + lib.getArraySize(x) + ")", node);
            } else if (lib.hasArrayElements(x) && !(key instanceof String)) {
                return Errors.typeError("foreign array index must be an int, not " + TypeNames.of(key), node);
            }
        } catch (UnsupportedMessageException e) {
            // an array without a size: reported as a missing key
        }
        return Errors.keyError("no key " + (key instanceof String s ? Printer.quote(s) : Printer.str(key)) + " in foreign " + (lib.hasArrayElements(x) ? "array" : "object"), node);
    }

    /** x[key] = value; false when x takes no such write. IndexError past an array's end, as for lists. */
    public static boolean write(Object x, Object rawKey, Object value, InteropLibrary lib, Node node) {
        Object key = lib.hasArrayElements(x) ? index(rawKey) : rawKey;
        Object v = HostValues.toHost(value);
        try {
            if (lib.hasArrayElements(x) && key instanceof BigNumber big) { // past 64 bits: past every end, as for lists
                throw Errors.indexError("foreign array index " + big + " out of range (size " + lib.getArraySize(x) + ")", node);
            }
            if (lib.hasArrayElements(x) && key instanceof Long i) {
                long size = lib.getArraySize(x);
                long p = position(i, size);
                if (p >= 0 ? lib.isArrayElementModifiable(x, p) : lib.isArrayElementInsertable(x, i)) {
                    lib.writeArrayElement(x, p >= 0 ? p : i, v);
                    return true;
                }
                if (p < 0) {
                    throw Errors.indexError("foreign array index " + i + " out of range (size " + size + ")", node);
                }
                return false;
            }
            Object hostKey = HostValues.toHost(key);
            if (lib.hasHashEntries(x) && (lib.isHashEntryModifiable(x, hostKey) || lib.isHashEntryInsertable(x, hostKey))) {
                lib.writeHashEntry(x, hostKey, v);
                return true;
            }
            if (key instanceof String name && (lib.isMemberModifiable(x, name) || lib.isMemberInsertable(x, name))) {
                lib.writeMember(x, name, v);
                return true;
            }
        } catch (InteropException e) {
            throw failed(e, node);
        }
        return false;
    }

    /** has(x, key). */
    public static boolean has(Object x, Object key, InteropLibrary lib, Node node) {
        try {
            if (lib.hasArrayElements(x)) {
                return position(index(key), lib.getArraySize(x)) >= 0;
            }
        } catch (UnsupportedMessageException e) {
            throw failed(e, node);
        }
        return (lib.hasHashEntries(x) && lib.isHashEntryExisting(x, HostValues.toHost(key)))
                        || (key instanceof String name && lib.isMemberExisting(x, name));
    }

    /** del(x, key): the removed value. IndexError or KeyError when there is none, TypeError when x refuses. */
    public static Object remove(Object x, Object rawKey, InteropLibrary lib, Node node) {
        Object key = lib.hasArrayElements(x) ? index(rawKey) : rawKey;
        Object old = read(x, key, lib, node);
        if (old == null) {
            throw missing(x, key, lib, node);
        }
        try {
            if (lib.hasArrayElements(x)) {
                long p = position(key, lib.getArraySize(x));
                if (lib.isArrayElementRemovable(x, p)) {
                    lib.removeArrayElement(x, p);
                    return old;
                }
            } else if (lib.hasHashEntries(x) && lib.isHashEntryRemovable(x, HostValues.toHost(key))) {
                lib.removeHashEntry(x, HostValues.toHost(key));
                return old;
            } else if (key instanceof String name && lib.isMemberRemovable(x, name)) {
                lib.removeMember(x, name);
                return old;
            }
        } catch (InteropException e) {
            throw failed(e, node);
        }
        throw Errors.typeError("cannot delete " + (key instanceof String s ? Printer.quote(s) : Printer.str(key)) + " from this foreign value", node);
    }

    /** A foreign value that claimed a capability and then refused it. */
    @TruffleBoundary
    private static TineException failed(InteropException e, Node node) {
        return Errors.typeError("foreign value refused: " + e.getMessage(), node);
    }

    /** A foreign number as Tine's own (Long, BigNumber or Double), or null when v is none. */
    @TruffleBoundary
    public static Object number(Object v) {
        if (!isForeign(v)) {
            return null;
        }
        InteropLibrary lib = InteropLibrary.getUncached(v);
        if (!lib.isNumber(v)) {
            return null;
        }
        try {
            if (lib.fitsInLong(v)) {
                return lib.asLong(v);
            } else if (lib.fitsInBigInteger(v)) {
                return TineTypes.normalize(lib.asBigInteger(v));
            } else if (lib.fitsInDouble(v)) {
                return lib.asDouble(v);
            }
        } catch (UnsupportedMessageException e) {
            // not the number it said it was
        }
        return null;
    }

    /** For the operators' fallbacks: v as a Tine number when it is a foreign one, else v itself. */
    public static Object unboxed(Object v) {
        Object n = number(v);
        return n == null ? v : n;
    }

    /** str() of a foreign value: its number, else its language's display string. */
    @TruffleBoundary
    public static String display(Object v) {
        Object n = number(v);
        if (n != null) {
            return Printer.str(n);
        }
        InteropLibrary lib = InteropLibrary.getUncached();
        try {
            return lib.asString(lib.toDisplayString(v, true));
        } catch (UnsupportedMessageException e) {
            return "<foreign>";
        }
    }

    /**
     * A foreign array's elements as a new list, a foreign hash's entries as a new map, and with
     * `members` an object's members as a map; null for other values. For str() (arrays and hashes
     * print as lists and maps) and `==` (an object compares by its members against a Tine map
     * only: two foreign objects are equal when identical).
     */
    @TruffleBoundary
    public static Object copy(Object v, boolean members) {
        if (!isForeign(v)) {
            return null;
        }
        InteropLibrary lib = InteropLibrary.getUncached();
        if (lib.hasArrayElements(v)) {
            return elements(v, lib, null);
        }
        if (lib.hasHashEntries(v) || (members && lib.hasMembers(v) && !lib.isExecutable(v))) {
            TineMap m = new TineMap();
            for (Object k : keys(v, lib, null).items) {
                Object value = read(v, k, lib, null);
                m.entries.put(k, value == null ? TineNull.INSTANCE : value);
            }
            return m;
        }
        return null;
    }
}
