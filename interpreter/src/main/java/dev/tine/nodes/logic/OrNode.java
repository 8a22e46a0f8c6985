package dev.tine.nodes.logic;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.tine.fork.ResumeState;
import dev.tine.fork.Resumes;
import dev.tine.nodes.TineExpressionNode;

/** `a or b`, short-circuit, bools only. */
@Resumes(Resumes.How.CHILD_ON_PATH)
public final class OrNode extends TineExpressionNode {
    @Child private ConditionNode left;
    @Child private ConditionNode right;

    public OrNode(ConditionNode left, ConditionNode right) {
        this.left = left;
        this.right = right;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        ResumeState resume = ResumeState.of(this);
        if (resume != null && resume.onPath(right)) {
            return right.test(frame); // the left side was false
        }
        return left.test(frame) || right.test(frame);
    }
}
