package dev.tine.nodes.access;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.tine.nodes.TineExpressionNode;

/** Reads back a spilled value, e.g. the target of `xs[i] += v`. */
public final class ReadSlotNode extends TineExpressionNode {
    private final int slot;

    public ReadSlotNode(int slot) {
        this.slot = slot;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return frame.getObject(slot);
    }
}
