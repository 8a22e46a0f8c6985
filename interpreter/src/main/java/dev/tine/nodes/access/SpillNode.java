package dev.tine.nodes.access;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.tine.fork.ResumeState;
import dev.tine.fork.Resumes;
import dev.tine.nodes.TineExpressionNode;

/**
 * An operand evaluated before a later call in the same expression. Its value is kept in a
 * frame slot, so that a snapshot taken inside that call (fork) holds it.
 */
@Resumes(Resumes.How.FROM_SLOT)
public final class SpillNode extends TineExpressionNode {
    private final int slot;
    @Child private TineExpressionNode value;

    public SpillNode(int slot, TineExpressionNode value) {
        this.slot = slot;
        this.value = value;
    }

    public int getSlot() {
        return slot;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        ResumeState resume = ResumeState.of(this);
        if (resume != null && !resume.onPath(this)) {
            return frame.getObject(slot); // evaluated in the parent before the fork
        }
        Object v = value.executeGeneric(frame);
        frame.setObject(slot, v);
        return v;
    }
}
