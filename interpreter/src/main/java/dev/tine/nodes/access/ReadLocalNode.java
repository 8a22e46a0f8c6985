package dev.tine.nodes.access;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.tine.nodes.TineExpressionNode;
import dev.tine.runtime.Cell;
import dev.tine.translator.LocalVar;

/** Reads a local variable of this frame. */
public final class ReadLocalNode extends TineExpressionNode {
    private final LocalVar var;

    public ReadLocalNode(LocalVar var) {
        this.var = var;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        Object v = frame.getObject(var.slot);
        return var.captured ? ((Cell) v).value : v;
    }
}
