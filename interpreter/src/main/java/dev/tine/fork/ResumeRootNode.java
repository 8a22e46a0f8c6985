package dev.tine.fork;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.IndirectCallNode;
import com.oracle.truffle.api.nodes.RootNode;

import dev.tine.TineContext;
import dev.tine.TineLanguage;
import dev.tine.TineOptions;
import dev.tine.nodes.FunctionRootNode;
import dev.tine.posix.PosixException;
import dev.tine.runtime.Errors;
import dev.tine.runtime.ScriptSignals;

/**
 * The program of a fork child: rebuild the parent's state from the snapshot, put its signal
 * handlers in force, tell the parent, then re-enter the outermost captured frame in resume mode.
 */
public final class ResumeRootNode extends RootNode {
    /** The MIME type of a source whose bytes are a fork snapshot. */
    public static final String MIME_TYPE = "application/x-tine-fork-snapshot";

    private final byte[] snapshot;
    private boolean mustEndInHandler;
    @Child private IndirectCallNode call = IndirectCallNode.create();

    public ResumeRootNode(TineLanguage language, byte[] snapshot) {
        super(language);
        this.snapshot = snapshot;
    }

    @Override
    public boolean isInternal() {
        return true;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        ResumeState.Frame outermost = restore();
        Object result = call.call(outermost.root().getCallTarget(), outermost.arguments());
        if (mustEndInHandler) {
            // the signal interrupted a built-in that cannot be run again (run, spawn, write ...) or code
            // that is not the script's: there is nothing to go back to
            throw Errors.error("ProcessError", "a fork() child made in a signal handler cannot return from the handler "
                            + "into the interrupted code: end the child with exit() or exec()",
                            outermost.root() instanceof FunctionRootNode f ? f.getBody() : null);
        }
        return result;
    }

    @TruffleBoundary
    private ResumeState.Frame restore() {
        TineContext context = TineContext.get(this);
        Snapshot s;
        try {
            s = SnapshotCodec.decode(snapshot, context);
        } catch (IOException e) {
            throw Errors.error("ProcessError", "fork() child: cannot read the parent's state: " + e.getMessage(), null);
        }
        s.applyTo(context);
        mustEndInHandler = s.mustEndInHandler();
        int ready = context.env.getOptions().get(TineOptions.ForkReadyFd);
        boolean child = ready >= 0; // not a resume inside another process's context (the in-process tests)
        try {
            ScriptSignals.restore(context);
            if (child) {
                context.posix.startSignalDelivery(); // those held since the spawn first (ChildSignals)
            }
        } catch (PosixException e) {
            throw Errors.osError(e, null);
        }
        List<ResumeState.Frame> frames = new ArrayList<>();
        for (CapturedFrame f : s.frames()) {
            frames.add(ResumeState.frame(f.root(), f.arguments(), f.slots(), f.position()));
        }
        ResumeState.begin(context, new ResumeState(context, frames));
        if (child) {
            ReadyPipe.tellParent(context.posix, ready);
        }
        return frames.get(0);
    }
}
