package dev.tine.runtime;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.IndirectCallNode;
import com.oracle.truffle.api.nodes.RootNode;

import dev.tine.TineLanguage;

/**
 * The entry of a script's signal handler, run at a safepoint: handler(sig), or handler() if it
 * takes none. Its frame marks where the interrupted code ends on the stack, so that fork()
 * inside a handler knows which frames are the handler's.
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

    @Override
    public Object execute(VirtualFrame frame) {
        TineFunction handler = (TineFunction) frame.getArguments()[0];
        long sig = (Long) frame.getArguments()[1];
        return handler.acceptsArity(1) ? call.call(handler.target, handler, sig) : call.call(handler.target, handler);
    }
}
