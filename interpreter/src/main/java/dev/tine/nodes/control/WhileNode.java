package dev.tine.nodes.control;

import com.oracle.truffle.api.TruffleSafepoint;
import com.oracle.truffle.api.frame.VirtualFrame;

import dev.tine.TineContext;
import dev.tine.fork.Rehearsal;
import dev.tine.fork.ResumeState;
import dev.tine.fork.Resumes;
import dev.tine.nodes.TineNode;
import dev.tine.nodes.logic.ConditionNode;

/** `while c { }` */
@Resumes(Resumes.How.CHILD_ON_PATH)
public final class WhileNode extends TineNode {
    @Child private ConditionNode condition;
    @Child private TineNode body;

    public WhileNode(ConditionNode condition, TineNode body) {
        this.condition = condition;
        this.body = body;
    }

    @Override
    public void executeVoid(VirtualFrame frame) {
        throwReturn(runStatement(frame));
    }

    @Override
    public Object runStatement(VirtualFrame frame) {
        ResumeState resume = ResumeState.of(this);
        boolean bodyFirst = false;
        if (resume != null && resume.isRecordedCall(this)) {
            // a fork child of a signal handler that ran at this loop's poll, after the condition held
            resume.resumeHandler(TineContext.get(this));
            bodyFirst = true;
        } else if (resume != null) {
            bodyFirst = resume.onPath(body);
        }
        if (bodyFirst) {
            try {
                Object completion = body.runStatement(frame);
                if (completion != null) {
                    return completion;
                }
            } catch (ContinueException e) {
                // next iteration
            } catch (BreakException e) {
                return null;
            }
        }
        while (condition.test(frame)) {
            TruffleSafepoint.poll(this); // Context.interrupt (Ctrl-C in the REPL), cancel, signal handlers
            Rehearsal.step(this);
            try {
                Object completion = body.runStatement(frame);
                if (completion != null) {
                    return completion;
                }
            } catch (ContinueException e) {
                // next iteration
            } catch (BreakException e) {
                break;
            }
        }
        return null;
    }
}
