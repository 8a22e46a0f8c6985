package dev.tine.nodes.logic;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.UnexpectedResultException;
import com.oracle.truffle.api.profiles.CountingConditionProfile;

import dev.tine.fork.Resumes;
import dev.tine.nodes.TineExpressionNode;
import dev.tine.runtime.Errors;
import dev.tine.runtime.TypeNames;

/**
 * A condition: it must be a bool, anything else is a TypeError. Not instrumentable itself (if,
 * while, and, or, not hold it by this type, which a wrapper is not): the tools see its value's node.
 */
@Resumes(Resumes.How.OPERANDS_AGAIN)
public final class ConditionNode extends TineExpressionNode {
    @Child private TineExpressionNode value;
    private final CountingConditionProfile profile = CountingConditionProfile.create();

    public ConditionNode(TineExpressionNode value) {
        this.value = value;
    }

    public boolean test(VirtualFrame frame) {
        try {
            return profile.profile(value.executeBoolean(frame));
        } catch (UnexpectedResultException e) {
            throw Errors.typeError("condition must be a bool, not " + TypeNames.of(e.getResult()), value);
        }
    }

    @Override
    public boolean isInstrumentable() {
        return false;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return test(frame);
    }
}
