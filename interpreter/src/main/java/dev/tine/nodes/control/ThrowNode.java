package dev.tine.nodes.control;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.tine.fork.Resumes;
import dev.tine.nodes.TineExpressionNode;
import dev.tine.nodes.TineNode;
import dev.tine.runtime.TineException;

/** `throw v`: any value can be thrown. */
@Resumes(Resumes.How.OPERANDS_AGAIN)
public final class ThrowNode extends TineNode {
    @Child private TineExpressionNode value;

    public ThrowNode(TineExpressionNode value) {
        this.value = value;
    }

    @Override
    public void executeVoid(VirtualFrame frame) {
        throw new TineException(value.executeGeneric(frame), this);
    }
}
