package dev.tine.nodes.control;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.tine.nodes.TineNode;

/** `break` */
public final class BreakNode extends TineNode {
    @Override
    public void executeVoid(VirtualFrame frame) {
        throw BreakException.INSTANCE;
    }
}
