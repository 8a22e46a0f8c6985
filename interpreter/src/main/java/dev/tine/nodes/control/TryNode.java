package dev.tine.nodes.control;

import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ControlFlowException;

import dev.tine.TineContext;
import dev.tine.fork.ResumeState;
import dev.tine.fork.Resumes;
import dev.tine.nodes.TineNode;
import dev.tine.runtime.Cell;
import dev.tine.runtime.ForeignErrors;
import dev.tine.runtime.TineException;
import dev.tine.translator.LocalVar;

/**
 * `try { } catch e { } finally { }`. The finally part runs after the body or handler however
 * they end (error, return, break; an error of another language or the host too), but not on
 * exit(), which ends the process at once. `catch` takes Tine's errors and, as error maps, those
 * of other languages and the host (ForeignErrors). While it
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
        } catch (AbstractTruffleException | ControlFlowException e) {
            // any error, a foreign one too (finally always runs); exit() and cancel are no errors
            frame.setObject(pendingSlot, e instanceof AbstractTruffleException x && !(x instanceof TineException) ? foreignPending(x) : PendingCompletion.of(e));
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
            bind(frame, e.value);
            handler.executeVoid(frame);
        } catch (AbstractTruffleException e) {
            if (!ForeignErrors.catchable(e)) {
                throw e;
            }
            bind(frame, ForeignErrors.errorMap(e, TineContext.get(this).env));
            handler.executeVoid(frame);
        }
    }

    private void bind(VirtualFrame frame, Object error) {
        if (catchVar != null) {
            frame.setObject(catchVar.slot, catchVar.captured ? new Cell(error) : error);
        }
    }

    /** A fork child of a `finally` running for a foreign error goes on with it as a Tine error of that map. */
    private PendingCompletion foreignPending(AbstractTruffleException e) {
        return new PendingCompletion(PendingCompletion.Kind.ERROR, ForeignErrors.errorMap(e, TineContext.get(this).env), this);
    }
}
