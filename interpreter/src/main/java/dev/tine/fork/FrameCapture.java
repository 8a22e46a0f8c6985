package dev.tine.fork;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.frame.FrameInstance;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.RootNode;

import dev.tine.builtins.BuiltinRootNode;
import dev.tine.nodes.FunctionRootNode;
import dev.tine.nodes.call.CallNode;
import dev.tine.runtime.Errors;
import dev.tine.runtime.SignalHandlerRootNode;

/**
 * Captures the script's frames at a built-in call (fork): outermost first. The translator keeps
 * all in-flight state in frame slots, so these frames are all it takes to say where execution is.
 */
public final class FrameCapture {
    /** The script's active calls, outermost first; in a signal handler, the handler's calls only. */
    record Captured(List<CapturedFrame> frames, boolean inSignalHandler) {
    }

    private FrameCapture() {
    }

    @TruffleBoundary
    static Captured capture(Node builtin) {
        List<CapturedFrame> frames = new ArrayList<>();
        String[] refusal = {null};
        boolean[] inSignalHandler = {false};
        Truffle.getRuntime().iterateFrames((FrameInstance fi) -> {
            RootNode root = fi.getCallTarget() instanceof RootCallTarget t ? t.getRootNode() : null;
            if (root instanceof BuiltinRootNode && frames.isEmpty()) {
                return null; // the built-in that asked
            }
            if (root instanceof ResumeRootNode) {
                return fi; // a fork child's entry: the frames above it are the whole program
            }
            if (root instanceof SignalHandlerRootNode) {
                inSignalHandler[0] = true;
                return fi; // the handler's frames are the child's program (see Snapshot.inSignalHandler)
            }
            if (!(root instanceof FunctionRootNode function) || function.getUnit() == null) {
                refusal[0] = "fork() is only possible from script code, not from a callback of another language or the host";
                return fi;
            }
            Frame frame = fi.getFrame(FrameInstance.FrameAccess.READ_ONLY);
            Object[] slots = new Object[frame.getFrameDescriptor().getNumberOfSlots()];
            for (int i = 0; i < slots.length; i++) {
                slots[i] = frame.getValue(i);
            }
            CallNode call = enclosingCall(fi.getCallNode());
            int index = call == null ? -1 : NodeIndex.indexOf(function, call);
            if (index < 0) {
                refusal[0] = "fork(): cannot locate the call in " + function.getName();
                return fi;
            }
            frames.add(new CapturedFrame(function, frame.getArguments().clone(), slots, index));
            return null;
        });
        if (refusal[0] != null) {
            throw Errors.error("ProcessError", refusal[0], builtin);
        }
        Collections.reverse(frames);
        return new Captured(frames, inSignalHandler[0]);
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
