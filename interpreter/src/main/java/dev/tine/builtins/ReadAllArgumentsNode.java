package dev.tine.builtins;

import java.util.Arrays;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.tine.nodes.TineExpressionNode;

/** All arguments of a variadic built-in call, as one Object[]. */
public final class ReadAllArgumentsNode extends TineExpressionNode {
    @Override
    public Object executeGeneric(VirtualFrame frame) {
        Object[] args = frame.getArguments();
        return Arrays.copyOfRange(args, 1, args.length);
    }
}
