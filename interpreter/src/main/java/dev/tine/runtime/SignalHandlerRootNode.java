package dev.tine.runtime;

import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.IndirectCallNode;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.RootNode;

import dev.tine.TineLanguage;

/**
 * The entry of a script's signal handler, run at a safepoint: handler(sig), or handler() if it
 * takes none. Its arguments: the handler, the signal, and the node where the safepoint was (what
 * the signal interrupted), which fork() inside the handler needs to capture the interrupted code.
 * A fork child that resumes calls it again with the handler's own arguments.
 */
public final class SignalHandlerRootNode extends RootNode {
    @Child private IndirectCallNode call = IndirectCallNode.create();

    public SignalHandlerRootNode(TineLanguage language) {
        super(language);
    }

    @Override
    public boolean isInternal() {
        return true;
    }

    @Override
    public String getName() {
        return "<signal handler>";
    }

    /** Where the handler that runs in this frame interrupted the script; null if unknown. */
    public static Node interruptedAt(Frame frame) {
        Object[] args = frame.getArguments();
        return args.length > 2 && args[2] instanceof Node n ? n : null;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object[] args = frame.getArguments();
        TineFunction handler = (TineFunction) args[0];
        return handler.acceptsArity(1) ? call.call(handler.target, handler, args[1]) : call.call(handler.target, handler);
    }
}
