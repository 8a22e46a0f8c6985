package dev.tine.nodes.logic;

import java.math.BigInteger;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;

import dev.tine.runtime.BigNumber;
import dev.tine.nodes.BinaryNode;
import dev.tine.runtime.Errors;

/** `< <= > >=` on two numbers or two strings. */
public abstract class CompareNode extends BinaryNode {
    public enum Relation {
        LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL
    }

    private final Relation relation;

    protected CompareNode(Relation relation) {
        this.relation = relation;
    }

    private boolean test(int cmp) {
        return switch (relation) {
            case LESS -> cmp < 0;
            case LESS_OR_EQUAL -> cmp <= 0;
            case GREATER -> cmp > 0;
            case GREATER_OR_EQUAL -> cmp >= 0;
        };
    }

    @Specialization
    protected boolean longs(long a, long b) {
        return test(Long.compare(a, b));
    }

    @Specialization
    @TruffleBoundary
    protected boolean bigs(BigNumber x, BigNumber y) {
        BigInteger a = x.value;
        BigInteger b = y.value;
        return test(a.compareTo(b));
    }

    @Specialization
    protected boolean doubles(double a, double b) {
        // NaN compares false every way, as in IEEE.
        return a == b ? test(0) : a < b ? test(-1) : a > b ? test(1) : false;
    }

    @Specialization
    @TruffleBoundary
    protected boolean strings(String a, String b) {
        return test(a.compareTo(b));
    }

    @Fallback
    protected boolean typeError(Object a, Object b) {
        Object r = retryUnboxed(a, b);
        if (r != null) {
            return (Boolean) r;
        }
        throw Errors.operandTypes("compare", a, b, this);
    }
}
