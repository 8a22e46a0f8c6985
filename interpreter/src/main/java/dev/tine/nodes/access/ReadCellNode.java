package dev.tine.nodes.access;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.tine.nodes.TineExpressionNode;
import dev.tine.runtime.TineFunction;

/** Reads a variable the running closure captured from an enclosing function. */
public final class ReadCellNode extends TineExpressionNode {
    private final int index;

    public ReadCellNode(int index) {
        this.index = index;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return ((TineFunction) frame.getArguments()[0]).cells[index].value;
    }
}
