package dev.tine.nodes.access;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.tine.fork.Rehearsal;
import dev.tine.fork.Resumes;
import dev.tine.nodes.TineExpressionNode;
import dev.tine.runtime.Cell;
import dev.tine.runtime.TineFunction;

/** Assigns a variable the running closure captured: the enclosing function sees the change. */
@Resumes(Resumes.How.OPERANDS_AGAIN)
public final class WriteCellNode extends TineExpressionNode {
    private final int index;
    @Child private TineExpressionNode value;

    public WriteCellNode(int index, TineExpressionNode value) {
        this.index = index;
        this.value = value;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        Object v = value.executeGeneric(frame);
        Cell cell = ((TineFunction) frame.getArguments()[0]).cells[index];
        Rehearsal.journal(this, cell);
        cell.value = v;
        return v;
    }
}
