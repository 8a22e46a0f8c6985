package dev.tine.nodes.logic;

import com.oracle.truffle.api.dsl.Specialization;

import dev.tine.nodes.BinaryNode;
import dev.tine.runtime.Equality;

/** `==`, or `!=` when negated: value equality, never an error. */
public abstract class EqualNode extends BinaryNode {
    private final boolean negated;

    protected EqualNode(boolean negated) {
        this.negated = negated;
    }

    @Specialization
    protected boolean longs(long a, long b) {
        return (a == b) != negated;
    }

    @Specialization
    protected boolean booleans(boolean a, boolean b) {
        return (a == b) != negated;
    }

    @Specialization(replaces = {"longs", "booleans"})
    protected boolean generic(Object a, Object b) {
        return Equality.equal(a, b, this) != negated;
    }
}
