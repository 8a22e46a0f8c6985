package dev.tine.nodes.control;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.tine.fork.Resumes;
import dev.tine.nodes.TineExpressionNode;
import dev.tine.nodes.TineNode;

/** `return` or `return v` */
@Resumes(Resumes.How.OPERANDS_AGAIN)
public final class ReturnNode extends TineNode {
    @Child private TineExpressionNode value;

    public ReturnNode(TineExpressionNode value) {
        this.value = value;
    }

    @Override
    public void executeVoid(VirtualFrame frame) {
        throw new ReturnException(value.executeGeneric(frame));
    }

    @Override
    public Object runStatement(VirtualFrame frame) {
        return value.executeGeneric(frame);
    }
}
