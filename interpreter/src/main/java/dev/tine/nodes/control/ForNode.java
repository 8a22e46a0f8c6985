package dev.tine.nodes.control;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleSafepoint;
import com.oracle.truffle.api.frame.VirtualFrame;
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
    @Child private TineNode body;
    @Child private InteropLibrary foreign;

    public LocalVar getVar() {
        return var;
    }

    public TineNode getBody() {
        return body;
    }

    public ForNode(LocalVar var, int sequenceSlot, int positionSlot, TineExpressionNode iterable, TineNode body) {
        this.var = var;
        this.sequenceSlot = sequenceSlot;
        this.positionSlot = positionSlot;
        this.iterable = iterable;
        this.body = body;
    }

    @Override
    public void executeVoid(VirtualFrame frame) {
        throwReturn(runStatement(frame));
    }

    @Override
    public Object runStatement(VirtualFrame frame) {
        TineList seq;
        long start = 0;
        ResumeState resume = ResumeState.of(this);
        boolean atPoll = resume != null && resume.isRecordedCall(this);
        boolean resuming = resume != null && resume.onPath(body);
        if (resuming || atPoll) {
            seq = (TineList) frame.getObject(sequenceSlot);
            start = (Long) frame.getObject(positionSlot);
        } else {
            Object v = iterable.executeGeneric(frame);
            seq = Foreign.isForeign(v) ? foreignSequence(v) : sequence(v);
            frame.setObject(sequenceSlot, seq);
        }
        if (atPoll) {
            // a fork child of a signal handler that ran at this loop's poll: iteration `start` begins after it
            resume.resumeHandler(TineContext.get(this));
        }
        for (long i = start; i < seq.size(); i++) {
            frame.setObject(positionSlot, i);
            TruffleSafepoint.poll(this); // Context.interrupt (Ctrl-C in the REPL), cancel, signal handlers
            Rehearsal.step(this);
            if (resuming) {
                resuming = false; // the loop variable of this iteration is in the restored frame
            } else {
                Object item = seq.get((int) i);
                frame.setObject(var.slot, var.captured ? new Cell(item) : item);
            }
            try {
                Object completion = body.runStatement(frame);
                if (completion != null) {
                    return completion;
                }
            } catch (ContinueException e) {
                // next element
            } catch (BreakException e) {
                break;
            }
        }
        return null;
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
