package dev.tine.builtins;

import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.FrameSlotKind;
import com.oracle.truffle.api.frame.VirtualFrame;

import dev.tine.TineContext;
import dev.tine.TineLanguage;
import dev.tine.fork.Rehearsal;
import dev.tine.fork.ResumeState;
import dev.tine.nodes.TineRootNode;
import dev.tine.runtime.Errors;

/** The call target of one built-in; internal, so stack traces show the script's call site. */
public final class BuiltinRootNode extends TineRootNode {
    @Child private BuiltinNode body;
    private final boolean process;
    private final boolean restartable;
    private final boolean rehearsable;

    public BuiltinRootNode(TineLanguage language, Builtin spec, BuiltinNode body) {
        super(language, resultFrame(), spec.name(), null);
        this.body = body;
        this.process = spec.process();
        this.restartable = spec.restartable();
        this.rehearsable = spec.rehearsable();
    }

    /** See {@link Builtin#restartable}. */
    public boolean isRestartable() {
        return restartable;
    }

    private static FrameDescriptor resultFrame() {
        FrameDescriptor.Builder b = FrameDescriptor.newBuilder();
        b.addSlot(FrameSlotKind.Illegal, "<result>", null); // RESULT_SLOT
        return b.build();
    }

    @Override
    public Object execute(VirtualFrame frame) {
        if (process && !TineContext.get(this).processAllowed()) {
            throw Errors.error("SecurityError", getName() + "() needs a context that allows creating processes and native access", body);
        }
        if (!rehearsable && Rehearsal.of(this) != null) {
            throw Rehearsal.refuse("calls " + getName() + "()");
        }
        ResumeState resume = ResumeState.of(this);
        if (resume != null && resume.restoreFrame(this, frame)) {
            // a fork child of a signal handler that interrupted this built-in: the handler's rest first
            boolean finished = resume.atFinishedCall();
            resume.resumeHandler(TineContext.get(this));
            if (finished) {
                return frame.getObject(RESULT_SLOT);
            } // else it was waiting: it runs again, as a call restarted after a handler (SA_RESTART)
        }
        Object result;
        try {
            result = body.executeGeneric(frame);
        } catch (OutOfMemoryError e) {
            throw Errors.outOfMemory(body); // range(2000000000), str() of a huge structure ...
        }
        frame.setObject(RESULT_SLOT, result);
        return result;
    }
}
