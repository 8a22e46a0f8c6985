package dev.tine.nodes.access;

import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.NodeChild;
import com.oracle.truffle.api.dsl.Specialization;

import dev.tine.fork.Rehearsal;
import dev.tine.fork.Resumes;
import dev.tine.nodes.TineExpressionNode;
import dev.tine.runtime.Errors;
import dev.tine.runtime.TineList;
import dev.tine.runtime.TineMap;
import dev.tine.runtime.TypeNames;

/** `x[i] = v` and `m.name = v`; a new map key is added. */
@Resumes(Resumes.How.OPERANDS_AGAIN)
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

    @Fallback
    protected Object typeError(Object x, @SuppressWarnings("unused") Object index, @SuppressWarnings("unused") Object value) {
        throw Errors.typeError("cannot assign into " + TypeNames.of(x), this);
    }
}
