package dev.tine.fork;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;

import dev.tine.TineContext;
import dev.tine.nodes.TineRootNode;

/**
 * A fork child re-entering the parent's frames. While its context has one, each structural
 * node on the path to the recorded call skips what ran before it (how each does is declared
 * with {@link Resumes}), spilled operands are read back from their slots, and the recorded call
 * re-enters the next frame instead of calling. The innermost recorded call is fork() itself,
 * which then returns 0 and ends the resume.
 */
public final class ResumeState {
    /**
     * Valid until this process first resumes frames (a fork child, or a parent rehearsing its
     * child: Rehearsal): while it holds, compiled code has no resume check at all.
     */
    private static final Assumption NOT_RESUMING = Truffle.getRuntime().createAssumption("no fork() child resuming");

    /** The resume under way for this node's context, or null (always, in a process that never forked). */
    public static ResumeState of(Node node) {
        return NOT_RESUMING.isValid() ? null : TineContext.get(node).resume;
    }

    /** The child starts resuming in this context. */
    static void begin(TineContext context, ResumeState state) {
        context.resume = state;
        NOT_RESUMING.invalidate();
    }

    private final TineContext context;

    /**
     * One frame to re-enter: its function, arguments, slots, the call (or loop) it was at and the
     * nodes leading to it, or its {@link CapturedFrame#FINISHED} / {@link CapturedFrame#RESTART} state.
     */
    record Frame(TineRootNode root, Object[] arguments, Object[] slots, Node call, Set<Node> path, int position) {
    }

    private final List<Frame> frames;
    private int index;
    private boolean entering = true;

    ResumeState(TineContext context, List<Frame> frames) {
        this.context = context;
        this.frames = frames;
    }

    static Frame frame(TineRootNode root, Object[] arguments, Object[] slots, int position) {
        root.getCallTarget(); // adopts the tree, so that parents lead from the call to the root
        Set<Node> path = Collections.newSetFromMap(new IdentityHashMap<>());
        if (position < 0) {
            return new Frame(root, arguments, slots, null, path, position);
        }
        Node call = NodeIndex.nodeAt(root, position);
        if (call == null) {
            throw new IllegalStateException("fork snapshot does not match the source of " + root.getName());
        }
        for (Node n = call; n != null && n != root; n = n.getParent()) {
            path.add(n);
        }
        return new Frame(root, arguments, slots, call, path, position);
    }

    Frame outermost() {
        return frames.get(0);
    }

    /** True when this node lies on the way to the call that the current frame was making. */
    public boolean onPath(Node node) {
        return node != null && frames.get(index).path.contains(node);
    }

    /** The index of the statement on the path, or 0 when none is (the path is in the enclosing node). */
    public int firstOnPath(Node[] statements) {
        for (int i = 0; i < statements.length; i++) {
            if (onPath(statements[i])) {
                return i;
            }
        }
        return 0;
    }

    /** For a function root about to run: true (once) when it is the frame being re-entered; restores its slots. */
    public boolean restoreFrame(TineRootNode root, VirtualFrame frame) {
        if (!entering || frames.get(index).root != root) {
            return false;
        }
        CompilerDirectives.transferToInterpreter();
        entering = false;
        Object[] slots = frames.get(index).slots;
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] != null) {
                frame.setObject(i, slots[i]);
            }
        }
        return true;
    }

    public boolean isRecordedCall(Node call) {
        return frames.get(index).call == call;
    }

    /** The frame just re-entered had returned when a signal handler ran: its result is in its result slot. */
    public boolean atFinishedCall() {
        return frames.get(index).position == CapturedFrame.FINISHED;
    }

    /**
     * At the point a signal handler interrupted (a loop's poll, a call that had just returned, a
     * waiting built-in): runs the rest of the handler, in which fork() returned 0; the resume
     * is over when it returns, and the interrupted code goes on.
     */
    public void resumeHandler(TineContext context) {
        Object[] args = enterNext();
        if (args != null) { // null: the handler was fork() itself
            context.signalEntry().call(args);
        }
    }

    /**
     * The recorded call of the current frame is reached: returns the arguments to re-enter the
     * next frame with, or null when the call was fork() itself, which then returns 0 and ends the resume.
     */
    public Object[] enterNext() {
        index++;
        if (index == frames.size()) {
            context.resume = null;
            return null;
        }
        entering = true;
        return frames.get(index).arguments;
    }
}
