package dev.tine.nodes.control;

import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.LoopNode;
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

    private LoopBody iteration() {
        return (LoopBody) loop.getRepeatingNode();
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
        } else if (resume != null && resume.onPath(iteration().body)) {
            Object completion = iteration().runBody(frame);
            if (completion != RepeatingNode.CONTINUE_LOOP_STATUS) {
                return LoopBody.completion(completion);
            }
        }
        return LoopBody.completion(loop.execute(frame));
    }

    /** One test of the condition and one run of the body. */
    private static final class Iteration extends LoopBody {
        private final WhileNode loop;
        @Child private ConditionNode condition;

        Iteration(WhileNode loop, ConditionNode condition, TineNode body) {
            super(body);
            this.loop = loop;
            this.condition = condition;
        }

        @Override
        public Object executeRepeatingWithValue(VirtualFrame frame) {
            // The LoopNode polls after each iteration (Context.interrupt, cancel, signal handlers)
            if (!condition.test(frame)) {
                return BREAK_LOOP_STATUS;
            }
            Rehearsal.step(loop);
            return runBody(frame);
        }
    }
}
