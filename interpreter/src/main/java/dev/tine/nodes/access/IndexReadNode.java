package dev.tine.nodes.access;

import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.ImportStatic;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.library.CachedLibrary;

import dev.tine.fork.ForkedHostObject;
import dev.tine.nodes.BinaryNode;
import dev.tine.runtime.Errors;
import dev.tine.runtime.Foreign;
import dev.tine.runtime.StringOps;
import dev.tine.runtime.TineList;
import dev.tine.runtime.TineMap;
import dev.tine.runtime.TypeNames;

/** `x[i]` and `m.name`: list and string positions (negative from the end), map keys, foreign elements and members. */
@ImportStatic(Foreign.class)
public abstract class IndexReadNode extends BinaryNode {
    @Specialization
    protected Object list(TineList list, Object index) {
        return list.get(Indexes.position(index, list.size(), "list", this));
    }

    @Specialization
    protected Object map(TineMap map, Object key) {
        Object v = map.get(key);
        if (v == null) {
            Object n = Foreign.number(key); // a host BigInteger is the int key it equals
            v = n == null ? null : map.get(n);
            if (v == null) {
                throw Errors.missingKey(key, this);
            }
        }
        return v;
    }

    @Specialization
    protected String string(String s, Object index) {
        return StringOps.charAt(s, Indexes.position(index, StringOps.length(s), "string", this));
    }

    /** A foreign array's element (IndexError past its end), a hash's entry or an object's member (KeyError when missing; a method comes back callable). */
    @Specialization(guards = "isForeign(x)")
    protected Object foreign(Object x, Object index, @CachedLibrary(limit = "3") InteropLibrary interop) {
        Object v = Foreign.read(x, index, interop, this);
        if (v == null) {
            throw Foreign.missing(x, index, interop, this);
        }
        return v;
    }

    @Fallback
    protected Object typeError(Object x, @SuppressWarnings("unused") Object index) {
        if (x instanceof ForkedHostObject host) {
            throw Errors.typeError(host.unavailable(), this);
        }
        throw Errors.typeError("cannot index " + TypeNames.of(x), this);
    }
}
