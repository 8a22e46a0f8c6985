package dev.tine.builtins;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.tine.nodes.TineExpressionNode;

/** Argument i of a built-in call, or NoArg when the caller gave fewer. */
public final class ReadArgumentNode extends TineExpressionNode {
    private final int index;

    public ReadArgumentNode(int index) {
        this.index = index;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        Object[] args = frame.getArguments();
        return index + 1 < args.length ? args[index + 1] : NoArg.INSTANCE;
    }
}
