package dev.tine.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.instrumentation.GenerateWrapper;
import com.oracle.truffle.api.instrumentation.InstrumentableNode.WrapperNode;
import com.oracle.truffle.api.instrumentation.ProbeNode;
import com.oracle.truffle.api.instrumentation.StandardTags;
import com.oracle.truffle.api.instrumentation.Tag;
import com.oracle.truffle.api.nodes.UnexpectedResultException;

/** A node that produces a value. */
@GenerateWrapper
public abstract class TineExpressionNode extends TineNode {
    @Override
    public WrapperNode createWrapper(ProbeNode probe) {
        return new TineExpressionNodeWrapper(this, probe);
    }

    public abstract Object executeGeneric(VirtualFrame frame);

    /** Every expression with a place in the source, except a root's body (which is no expression of the script's). */
    @Override
    public boolean hasTag(Class<? extends Tag> tag) {
        if (tag == StandardTags.ExpressionTag.class) {
            return !isRootBody();
        }
        return super.hasTag(tag);
    }

    @Override
    public void executeVoid(VirtualFrame frame) {
        executeGeneric(frame);
    }

    public boolean executeBoolean(VirtualFrame frame) throws UnexpectedResultException {
        return TineTypesGen.expectBoolean(executeGeneric(frame));
    }

    public long executeLong(VirtualFrame frame) throws UnexpectedResultException {
        return TineTypesGen.expectLong(executeGeneric(frame));
    }

    public double executeDouble(VirtualFrame frame) throws UnexpectedResultException {
        return TineTypesGen.expectDouble(executeGeneric(frame));
    }
}
