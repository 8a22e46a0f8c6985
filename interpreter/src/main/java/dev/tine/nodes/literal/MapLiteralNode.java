package dev.tine.nodes.literal;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

import dev.tine.fork.Resumes;
import dev.tine.nodes.TineExpressionNode;
import dev.tine.nodes.access.MapKeys;
import dev.tine.runtime.TineMap;

/** `{k: v, ...}` */
@Resumes(Resumes.How.OPERANDS_AGAIN)
public final class MapLiteralNode extends TineExpressionNode {
    @Children private final TineExpressionNode[] keys;
    @Children private final TineExpressionNode[] values;

    public MapLiteralNode(TineExpressionNode[] keys, TineExpressionNode[] values) {
        this.keys = keys;
        this.values = values;
    }

    @Override
    @ExplodeLoop
    public Object executeGeneric(VirtualFrame frame) {
        TineMap map = new TineMap();
        for (int i = 0; i < keys.length; i++) {
            Object k = MapKeys.check(keys[i].executeGeneric(frame), keys[i]);
            map.put(k, values[i].executeGeneric(frame));
        }
        return map;
    }
}
