package dev.tine.builtins;

import com.oracle.truffle.api.dsl.NodeChild;

import dev.tine.TineContext;
import dev.tine.fork.Resumes;
import dev.tine.nodes.TineExpressionNode;

/** Base of every built-in; subclasses are Truffle DSL nodes over the call's arguments. */
@Resumes(Resumes.How.OPERANDS_AGAIN)
@NodeChild(value = "arguments", type = TineExpressionNode[].class)
public abstract class BuiltinNode extends TineExpressionNode {
    public final TineContext context() {
        return TineContext.get(this);
    }
}
