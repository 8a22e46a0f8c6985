package dev.tine.nodes.logic;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.tine.fork.Resumes;
import dev.tine.nodes.TineExpressionNode;

/** `not a`, bools only. */
@Resumes(Resumes.How.OPERANDS_AGAIN)
public final class NotNode extends TineExpressionNode {
    @Child private ConditionNode operand;

    public NotNode(ConditionNode operand) {
        this.operand = operand;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return !operand.test(frame);
    }
}
