package dev.tine.nodes.control;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ControlFlowException;

import dev.tine.fork.ResumeState;
import dev.tine.fork.Resumes;
import dev.tine.nodes.TineNode;
import dev.tine.runtime.Cell;
import dev.tine.runtime.TineException;
import dev.tine.translator.LocalVar;

/**
 * `try { } catch e { } finally { }`. The finally part runs after the body or handler however
 * they end (error, return, break), but not on exit(), which ends the process at once. While it
 * runs for an error or a jump, that {@link PendingCompletion} waits in a slot (for fork()).
 */
@Resumes(Resumes.How.CHILD_ON_PATH)
public final class TryNode extends TineNode {
    @Child private TineNode body;
    @Child private TineNode handler;
    @Child private TineNode finalizer;
    private final LocalVar catchVar;
    private final int pendingSlot;

    public LocalVar getCatchVar() {
        return catchVar;
    }

    public TineNode getHandler() {
        return handler;
    }

    public TryNode(TineNode body, LocalVar catchVar, TineNode handler, TineNode finalizer, int pendingSlot) {
        this.body = body;
        this.catchVar = catchVar;
        this.handler = handler;
        this.finalizer = finalizer;
        this.pendingSlot = pendingSlot;
    }

    @Override
    public void executeVoid(VirtualFrame frame) {
        ResumeState resume = ResumeState.of(this);
        if (resume != null && resume.onPath(finalizer)) {
            // Resumed inside `finally`: what was under way when it began goes on after it.
            finalizer.executeVoid(frame);
            if (frame.getObject(pendingSlot) instanceof PendingCompletion pending) {
                frame.setObject(pendingSlot, null);
                throw pending.resume(this);
            }
            return;
        }
        if (finalizer == null) {
            runGuarded(frame);
            return;
        }
        try {
            runGuarded(frame);
        } catch (TineException | ControlFlowException e) {
            frame.setObject(pendingSlot, PendingCompletion.of(e));
            finalizer.executeVoid(frame);
            frame.setObject(pendingSlot, null);
            throw e;
        }
        frame.setObject(pendingSlot, null); // a normal end: nothing pending
        finalizer.executeVoid(frame);
    }

    private void runGuarded(VirtualFrame frame) {
        ResumeState resume = ResumeState.of(this);
        if (resume != null && resume.onPath(handler)) {
            handler.executeVoid(frame);
            return;
        }
        if (handler == null) {
            body.executeVoid(frame);
            return;
        }
        try {
            body.executeVoid(frame);
        } catch (TineException e) {
            if (catchVar != null) {
                frame.setObject(catchVar.slot, catchVar.captured ? new Cell(e.value) : e.value);
            }
            handler.executeVoid(frame);
        }
    }
}
