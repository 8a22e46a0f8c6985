package dev.tine.nodes.control;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

import dev.tine.fork.ResumeState;
import dev.tine.fork.Resumes;
import dev.tine.nodes.TineNode;
import dev.tine.runtime.Errors;
import dev.tine.translator.LocalVar;

/** `{ ... }`: statements in order. */
@Resumes(Resumes.How.CHILD_ON_PATH)
public final class BlockNode extends TineNode {
    @Children private final TineNode[] statements;

    public BlockNode(TineNode[] statements) {
        this.statements = statements;
    }

    /** The locals declared in this block, for the debugger's scope (LocalScope). */
    @CompilationFinal(dimensions = 1) private LocalVar[] locals = new LocalVar[0];

    public void setLocals(LocalVar[] declared) {
        this.locals = declared;
    }

    public LocalVar[] getLocals() {
        return locals;
    }

    public TineNode[] getStatements() {
        return statements;
    }

    @Override
    public void executeVoid(VirtualFrame frame) {
        throwReturn(runStatement(frame));
    }

    @Override
    @ExplodeLoop(kind = ExplodeLoop.LoopExplosionKind.FULL_EXPLODE_UNTIL_RETURN)
    public Object runStatement(VirtualFrame frame) {
        ResumeState resume = ResumeState.of(this);
        int start = resume == null ? 0 : resume.firstOnPath(statements);
        for (int i = 0; i < statements.length; i++) {
            if (i >= start) {
                try {
                    Object completion = statements[i].runStatement(frame);
                    if (completion != null) {
                        return completion;
                    }
                } catch (OutOfMemoryError e) {
                    throw Errors.outOfMemory(statements[i]); // the innermost statement that ran out
                }
            }
        }
        return null;
    }
}
