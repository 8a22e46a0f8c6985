package dev.tine.nodes.control;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.LoopNode;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.RepeatingNode;
import com.oracle.truffle.api.interop.InteropLibrary;

import dev.tine.TineContext;
import dev.tine.fork.Rehearsal;
import dev.tine.fork.ResumeState;
import dev.tine.fork.Resumes;
import dev.tine.nodes.TineExpressionNode;
import dev.tine.nodes.TineNode;
import dev.tine.runtime.Cell;
import dev.tine.runtime.Errors;
import dev.tine.runtime.Foreign;
import dev.tine.runtime.StringOps;
import dev.tine.runtime.TineList;
import dev.tine.runtime.TineMap;
import dev.tine.runtime.TypeNames;
import dev.tine.translator.LocalVar;

/**
 * `for x in xs { }` over a list's elements, a map's keys or a string's characters (and a foreign
 * array's elements, a foreign map's keys or a foreign iterator's items). The sequence
 * and the position live in frame slots, so a snapshot taken in the body knows where the loop is.
 * Each iteration declares a fresh `x`, so closures made in the body keep their own.
 */
@Resumes(Resumes.How.CHILD_ON_PATH)
public final class ForNode extends TineNode {
    private final LocalVar var;
    private final int sequenceSlot;
    private final int positionSlot;
    @Child private TineExpressionNode iterable;
    @Child private LoopNode loop;
    @Child private InteropLibrary foreign;

    public LocalVar getVar() {
        return var;
    }

    public TineNode getBody() {
        return ((LoopBody) loop.getRepeatingNode()).body;
    }

    /** Whether a node on the way up from a node of this loop came through the body (its LoopNode), not the iterable. */
    public boolean isBodyPath(Node child) {
        return child == loop;
    }

    public ForNode(LocalVar var, int sequenceSlot, int positionSlot, TineExpressionNode iterable, TineNode body) {
        this.var = var;
        this.sequenceSlot = sequenceSlot;
        this.positionSlot = positionSlot;
        this.iterable = iterable;
        this.loop = Truffle.getRuntime().createLoopNode(new Iteration(this, body));
    }

    @Override
    public void executeVoid(VirtualFrame frame) {
        throwReturn(runStatement(frame));
    }

    /**
     * The position slot holds the index of the iteration under way (or last done): a snapshot in
     * the body resumes that iteration, one taken at the LoopNode's poll (after an iteration) the
     * next one.
     */
    @Override
    public Object runStatement(VirtualFrame frame) {
        ResumeState resume = ResumeState.of(this);
        if (resume != null && resume.isRecordedCall(this)) {
            // a fork child of a signal handler that ran at the loop's poll: the next iteration begins after it
            resume.resumeHandler(TineContext.get(this));
        } else if (resume != null && resume.onPath(getBody())) {
            // the loop variable of this iteration is in the restored frame
            Object completion = ((LoopBody) loop.getRepeatingNode()).runBody(frame);
            if (completion != RepeatingNode.CONTINUE_LOOP_STATUS) {
                return LoopBody.completion(completion);
            }
        } else {
            Object v = iterable.executeGeneric(frame);
            frame.setObject(sequenceSlot, Foreign.isForeign(v) ? foreignSequence(v) : sequence(v));
            frame.setObject(positionSlot, -1L);
        }
        return LoopBody.completion(loop.execute(frame));
    }

    /** The next element into the loop variable, and the body. */
    private static final class Iteration extends LoopBody {
        private final ForNode loop;

        Iteration(ForNode loop, TineNode body) {
            super(body);
            this.loop = loop;
        }

        @Override
        public Object executeRepeatingWithValue(VirtualFrame frame) {
            // The LoopNode polls after each iteration (Context.interrupt, cancel, signal handlers)
            TineList seq = (TineList) frame.getObject(loop.sequenceSlot);
            long i = (Long) frame.getObject(loop.positionSlot) + 1;
            if (i >= seq.size()) { // a list is walked live: appends are seen
                return BREAK_LOOP_STATUS;
            }
            frame.setObject(loop.positionSlot, i);
            Rehearsal.step(loop);
            Object item = seq.get((int) i);
            frame.setObject(loop.var.slot, loop.var.captured ? new Cell(item) : item);
            return runBody(frame);
        }
    }

    /** A foreign array's elements, a foreign map's keys, an iterator's items: through a copy. */
    private TineList foreignSequence(Object v) {
        if (foreign == null) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            foreign = insert(InteropLibrary.getFactory().createDispatched(3));
        }
        TineList seq = Foreign.sequence(v, foreign, this);
        if (seq == null) {
            throw Errors.typeError("cannot iterate over " + TypeNames.of(v), iterable);
        }
        return seq;
    }

    /** Lists are walked live (appends are seen); maps and strings through a copy. */
    @TruffleBoundary
    private TineList sequence(Object v) {
        if (v instanceof TineList list) {
            return list;
        } else if (v instanceof TineMap map) {
            return new TineList(new java.util.ArrayList<>(map.entries.keySet()));
        } else if (v instanceof String s) {
            return StringOps.characters(s);
        }
        throw Errors.typeError("cannot iterate over " + TypeNames.of(v), iterable);
    }
}
