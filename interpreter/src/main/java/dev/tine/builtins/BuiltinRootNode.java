package dev.tine.builtins;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.tine.TineContext;
import dev.tine.TineLanguage;
import dev.tine.nodes.TineRootNode;
import dev.tine.runtime.Errors;

/** The call target of one built-in; internal, so stack traces show the script's call site. */
public final class BuiltinRootNode extends TineRootNode {
    @Child private BuiltinNode body;
    private final boolean process;

    public BuiltinRootNode(TineLanguage language, String name, BuiltinNode body, boolean process) {
        super(language, null, name, null);
        this.body = body;
        this.process = process;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        if (process && !TineContext.get(this).processAllowed()) {
            throw Errors.error("SecurityError", getName() + "() needs a context that allows creating processes and native access", body);
        }
        return body.executeGeneric(frame);
    }
}
