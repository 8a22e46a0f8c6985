package dev.tine.fork;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.frame.FrameInstance;
import com.oracle.truffle.api.nodes.LoopNode;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.RootNode;

import dev.tine.builtins.BuiltinRootNode;
import dev.tine.nodes.FunctionRootNode;
import dev.tine.nodes.TineRootNode;
import dev.tine.nodes.call.CallNode;
import dev.tine.nodes.control.ForNode;
import dev.tine.nodes.control.WhileNode;
import dev.tine.runtime.Errors;
import dev.tine.runtime.SignalHandlerRootNode;

/**
 * Captures the script's frames at a built-in call (fork): outermost first. The translator keeps
 * all in-flight state in frame slots, so these frames are all it takes to say where execution is.
 * A signal handler's frames sit on top of the code it interrupted, which is captured at the
 * point the handler ran: a loop between two iterations, a built-in that was waiting (run again
 * after the handler), or a call that had just returned (its result in a slot).
 */
public final class FrameCapture {
    /** The script's active calls, outermost first; mustEndInHandler: the code a signal handler interrupted could not be captured. */
    record Captured(List<CapturedFrame> frames, boolean mustEndInHandler) {
    }

    private FrameCapture() {
    }

    @TruffleBoundary
    static Captured capture(Node builtin) {
        List<CapturedFrame> frames = new ArrayList<>();
        String[] refusal = {null};
        boolean[] cut = {false};
        Node[] interruptedAt = {null}; // set by a handler's entry, for the frame below it
        Truffle.getRuntime().iterateFrames((FrameInstance fi) -> {
            RootNode root = fi.getCallTarget() instanceof RootCallTarget t ? t.getRootNode() : null;
            if (root instanceof BuiltinRootNode && frames.isEmpty() && interruptedAt[0] == null) {
                return null; // the built-in that asked
            }
            if (root instanceof ResumeRootNode) {
                return fi; // a fork child's entry: the frames above it are the whole program
            }
            if (root instanceof SignalHandlerRootNode) {
                interruptedAt[0] = SignalHandlerRootNode.interruptedAt(fi.getFrame(FrameInstance.FrameAccess.READ_ONLY));
                if (interruptedAt[0] == null) {
                    cut[0] = true;
                    return fi;
                }
                return null;
            }
            Node at = interruptedAt[0];
            interruptedAt[0] = null;
            if (at != null) {
                CapturedFrame f = interrupted(root, fi, at);
                if (f == null) {
                    cut[0] = true; // interrupted where no resume can go back: the handler's frames are the child's program
                    return fi;
                }
                frames.add(f);
                return null;
            }
            if (!(root instanceof FunctionRootNode function) || function.getUnit() == null) {
                refusal[0] = "fork() is only possible from script code, not from a callback of another language or the host";
                return fi;
            }
            CallNode call = enclosingCall(fi.getCallNode());
            int index = call == null ? -1 : NodeIndex.indexOf(function, call);
            if (index < 0) {
                refusal[0] = "fork(): cannot locate the call in " + function.getName();
                return fi;
            }
            frames.add(frame(function, fi, index));
            return null;
        });
        if (refusal[0] != null) {
            throw Errors.error("ProcessError", refusal[0], builtin);
        }
        Collections.reverse(frames);
        return new Captured(frames, cut[0]);
    }

    /** The frame a signal handler interrupted at {@code at}, or null where a child could not go back to it. */
    private static CapturedFrame interrupted(RootNode root, FrameInstance fi, Node at) {
        if (at == root && root instanceof TineRootNode r && (r instanceof BuiltinRootNode || ((FunctionRootNode) r).getUnit() != null)) {
            return frame(r, fi, CapturedFrame.FINISHED); // Truffle polls right after a call returns
        }
        if (root instanceof BuiltinRootNode b && at.getRootNode() == b && b.isRestartable()) {
            return frame(b, fi, CapturedFrame.RESTART); // it was waiting (sleep, wait, read)
        }
        if (at instanceof LoopNode) {
            at = at.getParent(); // the poll of a while's or for's Truffle LoopNode, between two iterations
        }
        if (root instanceof FunctionRootNode f && f.getUnit() != null && (at instanceof WhileNode || at instanceof ForNode)
                        && at.getRootNode() == f) {
            int index = NodeIndex.indexOf(f, at);
            return index < 0 ? null : frame(f, fi, index); // between two iterations
        }
        return null;
    }

    private static CapturedFrame frame(TineRootNode root, FrameInstance fi, int position) {
        Frame frame = fi.getFrame(FrameInstance.FrameAccess.READ_ONLY);
        Object[] slots = new Object[frame.getFrameDescriptor().getNumberOfSlots()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = frame.getValue(i);
        }
        return new CapturedFrame(root, frame.getArguments().clone(), slots, position);
    }

    private static CallNode enclosingCall(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof CallNode c) {
                return c;
            }
        }
        return null;
    }
}
