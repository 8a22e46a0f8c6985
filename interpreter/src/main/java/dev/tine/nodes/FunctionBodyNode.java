package dev.tine.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.instrumentation.StandardTags;
import com.oracle.truffle.api.instrumentation.Tag;
import com.oracle.truffle.api.nodes.ExplodeLoop;

import dev.tine.TineContext;
import dev.tine.fork.ResumeState;
import dev.tine.fork.Resumes;
import dev.tine.nodes.control.ReturnException;
import dev.tine.runtime.Cell;
import dev.tine.runtime.TineNull;
import dev.tine.translator.LocalVar;

/**
 * The whole of a function as the tools see it (RootTag): binds the arguments to their slots, or
 * puts back a resumed frame's, then runs the body (RootBodyTag). The binding is in here because
 * a RootTag node must find a clean frame; an instrument entering it sees no local yet.
 */
@Resumes(Resumes.How.CHILD_ON_PATH)
public final class FunctionBodyNode extends TineExpressionNode {
    @Child private TineNode body;
    @CompilerDirectives.CompilationFinal(dimensions = 1) private final LocalVar[] params;

    public FunctionBodyNode(LocalVar[] params, TineNode body) {
        this.params = params;
        this.body = body;
        body.markRootBody();
    }

    /** The names of the closure's cells, by index (LocalScope shows them). */
    @CompilerDirectives.CompilationFinal(dimensions = 1) private String[] captureNames = new String[0];

    public void setCaptureNames(String[] names) {
        this.captureNames = names;
    }

    public String[] getCaptureNames() {
        return captureNames;
    }

    public LocalVar[] getParams() {
        return params;
    }

    public TineNode getBody() {
        return body;
    }

    public int arity() {
        return params.length;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        ResumeState resume = ResumeState.of(this);
        if (resume != null && resume.restoreFrame((TineRootNode) getRootNode(), frame)) {
            if (resume.atFinishedCall()) { // a fork child of a signal handler that ran right after this call
                resume.resumeHandler(TineContext.get(this));
                return frame.getObject(TineRootNode.RESULT_SLOT);
            }
        } else {
            bindParameters(frame);
        }
        if (body instanceof TineExpressionNode e) {
            return e.executeGeneric(frame);
        }
        try {
            Object completion = body.runStatement(frame);
            return completion == null ? TineNull.INSTANCE : completion;
        } catch (ReturnException r) {
            return r.value;
        }
    }

    @ExplodeLoop
    private void bindParameters(VirtualFrame frame) {
        Object[] args = frame.getArguments();
        for (int i = 0; i < params.length; i++) {
            LocalVar p = params[i];
            frame.setObject(p.slot, p.captured ? new Cell(args[i + 1]) : args[i + 1]);
        }
    }

    @Override
    public boolean hasTag(Class<? extends Tag> tag) {
        return tag == StandardTags.RootTag.class;
    }
}
