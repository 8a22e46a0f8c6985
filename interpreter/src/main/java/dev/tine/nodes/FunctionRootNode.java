package dev.tine.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.source.SourceSection;

import dev.tine.TineContext;
import dev.tine.TineLanguage;
import dev.tine.fork.Rehearsal;
import dev.tine.fork.ResumeState;
import dev.tine.nodes.control.ReturnException;
import dev.tine.runtime.Cell;
import dev.tine.runtime.Errors;
import dev.tine.runtime.TineNull;
import dev.tine.translator.LocalVar;
import dev.tine.translator.SourceUnit;

/** A script function (or the main program): copies arguments into slots and runs the body. */
public final class FunctionRootNode extends TineRootNode {
    /** Deeper recursion than this is a catchable ValueError rather than a stack overflow. */
    public static final int MAX_CALL_DEPTH = 10_000;

    @Child private TineNode body;
    @CompilerDirectives.CompilationFinal(dimensions = 1) private final LocalVar[] params;

    public FunctionRootNode(TineLanguage language, FrameDescriptor descriptor, String name, SourceSection section,
                    LocalVar[] params, TineNode body) {
        super(language, descriptor, name, section);
        this.params = params;
        this.body = body;
        body.markRootBody();
    }

    private SourceUnit unit;
    private int indexInUnit;

    public TineNode getBody() {
        return body;
    }

    public int arity() {
        return params.length;
    }

    public void setUnit(SourceUnit sourceUnit, int index) {
        this.unit = sourceUnit;
        this.indexInUnit = index;
    }

    public SourceUnit getUnit() {
        return unit;
    }

    public int getIndexInUnit() {
        return indexInUnit;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        TineContext context = TineContext.get(this);
        Rehearsal.step(this);
        if (++context.callDepth > MAX_CALL_DEPTH) {
            context.callDepth--;
            throw Errors.valueError("call depth exceeded", this.body);
        }
        Object result;
        try {
            ResumeState resume = ResumeState.of(this);
            if (resume != null && resume.restoreFrame(this, frame)) {
                if (resume.atFinishedCall()) { // a fork child of a signal handler that ran right after this call
                    resume.resumeHandler(context);
                    return frame.getObject(RESULT_SLOT);
                }
            } else {
                bindParameters(frame);
            }
            result = body instanceof TineExpressionNode e ? e.executeGeneric(frame) : runStatements(frame);
        } catch (ReturnException r) {
            result = r.value;
        } catch (StackOverflowError e) {
            CompilerDirectives.transferToInterpreter();
            throw Errors.valueError("call depth exceeded", this.body);
        } catch (OutOfMemoryError e) {
            CompilerDirectives.transferToInterpreter();
            throw Errors.outOfMemory(this.body); // a function whose body is an expression; statements catch it themselves
        } finally {
            context.callDepth--;
        }
        frame.setObject(RESULT_SLOT, result);
        return result;
    }

    private Object runStatements(VirtualFrame frame) {
        Object completion = body.runStatement(frame);
        return completion == null ? TineNull.INSTANCE : completion;
    }

    @ExplodeLoop
    private void bindParameters(VirtualFrame frame) {
        Object[] args = frame.getArguments();
        for (int i = 0; i < params.length; i++) {
            LocalVar p = params[i];
            frame.setObject(p.slot, p.captured ? new Cell(args[i + 1]) : args[i + 1]);
        }
    }
}
