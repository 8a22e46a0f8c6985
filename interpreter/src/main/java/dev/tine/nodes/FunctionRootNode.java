package dev.tine.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.source.SourceSection;

import dev.tine.TineContext;
import dev.tine.TineLanguage;
import dev.tine.fork.Rehearsal;
import dev.tine.runtime.Errors;
import dev.tine.translator.LocalVar;
import dev.tine.translator.SourceUnit;

/** A script function (or the main program): its call target; the depth limit around the body. */
public final class FunctionRootNode extends TineRootNode {
    /** Deeper recursion than this is a catchable ValueError rather than a stack overflow. */
    public static final int MAX_CALL_DEPTH = 10_000;

    /** Typed by the wrappable base class: a tool may wrap it. */
    @Child private TineExpressionNode function;
    private final FunctionBodyNode functionBody;

    public FunctionRootNode(TineLanguage language, FrameDescriptor descriptor, String name, SourceSection section,
                    LocalVar[] params, TineNode body) {
        super(language, descriptor, name, section);
        this.functionBody = new FunctionBodyNode(params, body);
        if (section != null && section.isAvailable()) {
            functionBody.setSourceRange(section.getCharIndex(), section.getCharLength());
        }
        this.function = functionBody;
    }

    private SourceUnit unit;
    private int indexInUnit;

    public TineNode getBody() {
        return functionBody.getBody();
    }

    public int arity() {
        return functionBody.arity();
    }

    public void setCaptureNames(String[] names) {
        functionBody.setCaptureNames(names);
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
            throw Errors.valueError("call depth exceeded", getBody());
        }
        Object result;
        try {
            result = function.executeGeneric(frame);
        } catch (StackOverflowError e) {
            CompilerDirectives.transferToInterpreter();
            throw Errors.valueError("call depth exceeded", getBody());
        } catch (OutOfMemoryError e) {
            CompilerDirectives.transferToInterpreter();
            throw Errors.outOfMemory(getBody()); // a function whose body is an expression; statements catch it themselves
        } finally {
            context.callDepth--;
        }
        frame.setObject(RESULT_SLOT, result);
        return result;
    }
}
