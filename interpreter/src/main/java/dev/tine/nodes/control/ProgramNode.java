package dev.tine.nodes.control;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

import dev.tine.TineContext;
import dev.tine.fork.ResumeState;
import dev.tine.fork.Resumes;
import dev.tine.nodes.TineExpressionNode;
import dev.tine.nodes.TineNode;
import dev.tine.runtime.Errors;
import dev.tine.runtime.HostValues;
import dev.tine.runtime.TineNull;

/** A whole source: its value is that of its last statement when that is an expression (for eval and the REPL). */
@Resumes(Resumes.How.CHILD_ON_PATH)
public final class ProgramNode extends TineExpressionNode {
    @Children private final TineNode[] statements;
    private final boolean valueOfLast;

    public ProgramNode(TineNode[] statements, boolean valueOfLast) {
        this.statements = statements;
        this.valueOfLast = valueOfLast;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        try {
            return run(frame);
        } finally {
            // Output is block-buffered; what a program printed is out before its error or its end.
            TineContext.get(this).flush();
        }
    }

    @ExplodeLoop
    private Object run(VirtualFrame frame) {
        int last = statements.length - 1;
        ResumeState resume = ResumeState.of(this);
        int start = resume == null ? 0 : resume.firstOnPath(statements);
        int i = 0;
        try {
            for (; i < last; i++) {
                if (i >= start) {
                    statements[i].executeVoid(frame);
                }
            }
            if (last >= 0) {
                if (valueOfLast && statements[last] instanceof TineExpressionNode e) {
                    return HostValues.toHost(e.executeGeneric(frame));
                }
                statements[last].executeVoid(frame);
            }
        } catch (OutOfMemoryError e) {
            throw Errors.outOfMemory(statements[i]); // `let x = range(2000000000)`: a Tine error, never the JVM's text
        }
        return TineNull.INSTANCE;
    }
}
