package dev.tine.nodes.access;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;

import dev.tine.fork.ForkedHostObject;
import dev.tine.nodes.BinaryNode;
import dev.tine.runtime.Errors;
import dev.tine.runtime.Printer;
import dev.tine.runtime.StringOps;
import dev.tine.runtime.TineList;
import dev.tine.runtime.TineMap;
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
            throw missingKey(key);
        }
        return v;
    }

    @Specialization
    protected String string(String s, Object index) {
        return StringOps.charAt(s, Indexes.position(index, StringOps.length(s), "string", this));
    }

    @Fallback
    protected Object typeError(Object x, @SuppressWarnings("unused") Object index) {
        if (x instanceof ForkedHostObject host) {
            throw Errors.typeError(host.unavailable(), this);
        }
        throw Errors.typeError("cannot index " + TypeNames.of(x), this);
    }

    @TruffleBoundary
    private RuntimeException missingKey(Object key) {
        return Errors.keyError("no key " + (key instanceof String s ? Printer.quote(s) : Printer.str(key)) + " in map", this);
    }
}
