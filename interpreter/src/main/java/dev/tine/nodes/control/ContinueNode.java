package dev.tine.nodes.control;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.tine.nodes.TineNode;

/** `continue` */
public final class ContinueNode extends TineNode {
    @Override
    public void executeVoid(VirtualFrame frame) {
        throw ContinueException.INSTANCE;
    }
}
