package dev.tine.nodes.access;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;

import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.InvalidArrayIndexException;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.interop.UnknownKeyException;
import com.oracle.truffle.api.interop.UnsupportedMessageException;

import dev.tine.fork.ForkedHostObject;
import dev.tine.nodes.BinaryNode;
import dev.tine.runtime.Errors;
import dev.tine.runtime.HostValues;
import dev.tine.runtime.Printer;
import dev.tine.runtime.StringOps;
import dev.tine.runtime.TineList;
import dev.tine.runtime.TineFunction;
import dev.tine.runtime.TineMap;
import dev.tine.runtime.TineNull;
import dev.tine.runtime.TypeNames;

/** `x[i]` and `m.name`: list and string positions (negative from the end), map keys. */
public abstract class IndexReadNode extends BinaryNode {
    @Specialization
    protected Object list(TineList list, Object index) {
        return list.get(Indexes.position(index, list.size(), "list", this));
    }

    @Specialization
    protected Object map(TineMap map, Object key) {
        Object v = map.get(key);
        if (v == null) {
            throw Errors.missingKey(key, this);
        }
        return v;
    }

    @Specialization
    protected String string(String s, Object index) {
        return StringOps.charAt(s, Indexes.position(index, StringOps.length(s), "string", this));
    }

    @Fallback
    protected Object typeError(Object x, Object index) {
        if (x instanceof ForkedHostObject host) {
            throw Errors.typeError(host.unavailable(), this);
        }
        if (x instanceof TruffleObject && !(x instanceof TineFunction || x instanceof TineNull)) {
            return foreign(x, index);
        }
        throw Errors.typeError("cannot index " + TypeNames.of(x), this);
    }

    /** A host object from the bindings: o.name is its member (a method comes back callable), o[i] its element or entry. */
    @TruffleBoundary
    private Object foreign(Object x, Object index) {
        InteropLibrary interop = InteropLibrary.getUncached(x);
        try {
            if (index instanceof String name && interop.isMemberReadable(x, name)) {
                return HostValues.fromHost(interop.readMember(x, name));
            } else if (interop.hasArrayElements(x) && !interop.hasHashEntries(x)) {
                // an array has positions as a list does: IndexError past either end, TypeError for a non-int
                return HostValues.fromHost(interop.readArrayElement(x, Indexes.position(index, interop.getArraySize(x), "array", this)));
            } else if (interop.hasHashEntries(x) && interop.isHashEntryReadable(x, index)) {
                return HostValues.fromHost(interop.readHashValue(x, index));
            }
        } catch (UnsupportedMessageException | UnknownIdentifierException | InvalidArrayIndexException | UnknownKeyException e) {
            // reported below
        }
        throw Errors.keyError("host object has no " + (index instanceof String s ? "member " + Printer.quote(s) : "element " + Printer.str(index)), this);
    }
}
