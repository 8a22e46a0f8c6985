package dev.tine.nodes.literal;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.tine.nodes.TineExpressionNode;

/** A literal: int, big int, float, string, bool or null. */
public final class ConstantNode extends TineExpressionNode {
    private final Object value;

    public ConstantNode(Object value) {
        this.value = value;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return value;
    }
}
