package dev.tine.nodes.control;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.tine.fork.ResumeState;
import dev.tine.fork.Resumes;
import dev.tine.nodes.TineNode;
import dev.tine.nodes.logic.ConditionNode;

/** `if c { } else { }` */
@Resumes(Resumes.How.CHILD_ON_PATH)
public final class IfNode extends TineNode {
    @Child private ConditionNode condition;
    @Child private TineNode thenPart;
    @Child private TineNode elsePart;

    public IfNode(ConditionNode condition, TineNode thenPart, TineNode elsePart) {
        this.condition = condition;
        this.thenPart = thenPart;
        this.elsePart = elsePart;
    }

    @Override
    public void executeVoid(VirtualFrame frame) {
        throwReturn(runStatement(frame));
    }

    @Override
    public Object runStatement(VirtualFrame frame) {
        ResumeState resume = ResumeState.of(this);
        if (resume != null && (resume.onPath(thenPart) || resume.onPath(elsePart))) {
            return (resume.onPath(thenPart) ? thenPart : elsePart).runStatement(frame);
        }
        if (condition.test(frame)) {
            return thenPart.runStatement(frame);
        } else if (elsePart != null) {
            return elsePart.runStatement(frame);
        }
        return null;
    }
}
