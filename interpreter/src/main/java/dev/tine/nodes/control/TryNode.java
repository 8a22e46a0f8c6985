package dev.tine.nodes.control;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ControlFlowException;

import dev.tine.fork.ResumeState;
import dev.tine.nodes.TineNode;
import dev.tine.runtime.Cell;
import dev.tine.runtime.TineException;
import dev.tine.translator.LocalVar;

/**
 * `try { } catch e { } finally { }`. The finally part runs after the body or handler however
 * they end (error, return, break), but not on exit(), which ends the process at once.
 */
public final class TryNode extends TineNode {
    @Child private TineNode body;
    @Child private TineNode handler;
    @Child private TineNode finalizer;
    private final LocalVar catchVar;

    public TryNode(TineNode body, LocalVar catchVar, TineNode handler, TineNode finalizer) {
        this.body = body;
        this.catchVar = catchVar;
        this.handler = handler;
        this.finalizer = finalizer;
    }

    @Override
    public void executeVoid(VirtualFrame frame) {
        ResumeState resume = ResumeState.current;
        if (resume != null && resume.onPath(finalizer)) {
            // Resumed inside `finally`: an error or return that was pending there is not carried over.
            finalizer.executeVoid(frame);
            return;
        }
        if (finalizer == null) {
            runGuarded(frame);
            return;
        }
        try {
            runGuarded(frame);
        } catch (TineException | ControlFlowException e) {
            finalizer.executeVoid(frame);
            throw e;
        }
        finalizer.executeVoid(frame);
    }

    private void runGuarded(VirtualFrame frame) {
        if (ResumeState.current != null && ResumeState.current.onPath(handler)) {
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
