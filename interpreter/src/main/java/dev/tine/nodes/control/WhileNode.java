package dev.tine.nodes.control;

import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.LoopNode;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.RepeatingNode;

import dev.tine.TineContext;
import dev.tine.fork.Rehearsal;
import dev.tine.fork.ResumeState;
import dev.tine.fork.Resumes;
import dev.tine.nodes.TineNode;
import dev.tine.nodes.logic.ConditionNode;

/**
 * `while c { }`. The iterations run in Truffle's LoopNode, so that under --jit a long loop is
 * compiled while it runs (on-stack replacement) instead of only at its function's next call.
 */
@Resumes(Resumes.How.CHILD_ON_PATH)
public final class WhileNode extends TineNode {
    @Child private LoopNode loop;

    public WhileNode(ConditionNode condition, TineNode body) {
        this.loop = Truffle.getRuntime().createLoopNode(new Iteration(this, condition, body));
    }

    private TineNode body() {
        return ((Iteration) loop.getRepeatingNode()).body;
    }

    @Override
    public void executeVoid(VirtualFrame frame) {
        throwReturn(runStatement(frame));
    }

    @Override
    public Object runStatement(VirtualFrame frame) {
        ResumeState resume = ResumeState.of(this);
        if (resume != null && resume.isRecordedCall(this)) {
            // a fork child of a signal handler that ran at the loop's poll, between two
            // iterations: the rest of the handler, then the condition again
            resume.resumeHandler(TineContext.get(this));
        } else if (resume != null && resume.onPath(body())) {
            Object completion = runBody(body(), frame);
            if (completion != RepeatingNode.CONTINUE_LOOP_STATUS) {
                return completion == RepeatingNode.BREAK_LOOP_STATUS ? null : completion;
            }
        }
        Object completion = loop.execute(frame);
        return completion == RepeatingNode.BREAK_LOOP_STATUS ? null : completion;
    }

    /** A loop body once: CONTINUE_LOOP_STATUS to go on, BREAK_LOOP_STATUS after a break, else the value of a return. */
    static Object runBody(TineNode body, VirtualFrame frame) {
        try {
            Object completion = body.runStatement(frame);
            return completion != null ? completion : RepeatingNode.CONTINUE_LOOP_STATUS;
        } catch (ContinueException e) {
            return RepeatingNode.CONTINUE_LOOP_STATUS;
        } catch (BreakException e) {
            return RepeatingNode.BREAK_LOOP_STATUS;
        }
    }

    /** One test of the condition and one run of the body; a `return` in the body ends the loop with its value. */
    private static final class Iteration extends Node implements RepeatingNode {
        private final WhileNode loop;
        @Child private ConditionNode condition;
        @Child private TineNode body;

        Iteration(WhileNode loop, ConditionNode condition, TineNode body) {
            this.loop = loop;
            this.condition = condition;
            this.body = body;
        }

        @Override
        public boolean executeRepeating(VirtualFrame frame) {
            throw new UnsupportedOperationException("executeRepeatingWithValue is the entry");
        }

        @Override
        public Object executeRepeatingWithValue(VirtualFrame frame) {
            // The LoopNode polls after each iteration (Context.interrupt, cancel, signal handlers)
            if (!condition.test(frame)) {
                return BREAK_LOOP_STATUS;
            }
            Rehearsal.step(loop);
            return runBody(body, frame);
        }

    }
}
