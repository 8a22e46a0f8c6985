package dev.tine.nodes.arith;

import java.math.BigInteger;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.NodeChild;
import com.oracle.truffle.api.dsl.Specialization;

import dev.tine.runtime.BigNumber;
import dev.tine.fork.Resumes;
import dev.tine.nodes.TineExpressionNode;
import dev.tine.nodes.TineTypes;
import dev.tine.runtime.Errors;
import dev.tine.runtime.Foreign;
import dev.tine.runtime.TypeNames;

/** `-a` */
@Resumes(Resumes.How.OPERANDS_AGAIN)
@NodeChild("operand")
public abstract class NegNode extends TineExpressionNode {
    @Specialization(rewriteOn = ArithmeticException.class)
    protected long negLong(long a) {
        return Math.negateExact(a);
    }

    @Specialization
    @TruffleBoundary
    protected Object negBig(BigNumber x) {
        BigInteger a = x.value;
        return TineTypes.normalize(a.negate());
    }

    @Specialization
    protected double negDouble(double a) {
        return -a;
    }

    public abstract Object executeWith(Object operand);

    @Fallback
    protected Object typeError(Object a) {
        Object n = Foreign.number(a); // a host BigInteger, a JS BigInt
        if (n != null) {
            return executeWith(n);
        }
        throw Errors.typeError("cannot negate " + TypeNames.of(a), this);
    }
}
