package dev.tine.nodes.access;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.ImportStatic;
import com.oracle.truffle.api.dsl.NodeChild;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.library.CachedLibrary;

import dev.tine.fork.ForkedHostObject;
import dev.tine.fork.Rehearsal;
import dev.tine.fork.Resumes;
import dev.tine.nodes.TineExpressionNode;
import dev.tine.runtime.Errors;
import dev.tine.runtime.Foreign;
import dev.tine.runtime.Printer;
import dev.tine.runtime.TineException;
import dev.tine.runtime.TineList;
import dev.tine.runtime.TineMap;
import dev.tine.runtime.TypeNames;

/** `x[i] = v` and `m.name = v`; a new map key is added. */
@Resumes(Resumes.How.OPERANDS_AGAIN)
@ImportStatic(Foreign.class)
@NodeChild("target")
@NodeChild("index")
@NodeChild("value")
public abstract class IndexWriteNode extends TineExpressionNode {
    @Specialization
    protected Object list(TineList list, Object index, Object value) {
        Rehearsal.journal(this, list);
        list.items.set(Indexes.position(index, list.size(), "list", this), value);
        return value;
    }

    @Specialization
    protected Object map(TineMap map, Object key, Object value) {
        Rehearsal.journal(this, map);
        map.put(MapKeys.check(key, this), value);
        return value;
    }

    /** A foreign array's element (IndexError past its end, unless the array grows), a hash's entry, an object's member. */
    @Specialization(guards = "isForeign(x)")
    protected Object foreign(Object x, Object index, Object value, @CachedLibrary(limit = "3") InteropLibrary interop) {
        if (!Foreign.write(x, index, value, interop, this)) {
            throw refused(index);
        }
        return value;
    }

    @TruffleBoundary
    private TineException refused(Object index) {
        return Errors.typeError("cannot assign to " + (index instanceof String s ? Printer.quote(s) : "[" + Printer.str(index) + "]") + " of this foreign value", this);
    }

    @Fallback
    protected Object typeError(Object x, @SuppressWarnings("unused") Object index, @SuppressWarnings("unused") Object value) {
        if (x instanceof ForkedHostObject host) {
            throw Errors.typeError(host.unavailable(), this);
        }
        throw Errors.typeError("cannot assign into " + TypeNames.of(x), this);
    }
}
