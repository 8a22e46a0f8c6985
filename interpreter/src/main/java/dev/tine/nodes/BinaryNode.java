package dev.tine.nodes;

import com.oracle.truffle.api.dsl.NodeChild;

import dev.tine.fork.Resumes;
import dev.tine.runtime.Foreign;

/** An operator with two operands, evaluated left to right. */
@Resumes(Resumes.How.OPERANDS_AGAIN)
@NodeChild("left")
@NodeChild("right")
public abstract class BinaryNode extends TineExpressionNode {
    /** The operation on operands already evaluated. */
    public abstract Object executeWith(Object left, Object right);

    /**
     * For the operators' fallbacks: a foreign number (a host BigInteger, a JS BigInt, kept as
     * itself for its identity) is operated on as Tine's own number; null when neither operand is one.
     */
    protected final Object retryUnboxed(Object a, Object b) {
        Object x = Foreign.unboxed(a);
        Object y = Foreign.unboxed(b);
        return x != a || y != b ? executeWith(x, y) : null;
    }
}
