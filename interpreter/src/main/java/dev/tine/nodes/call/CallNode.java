package dev.tine.nodes.call;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.ArityException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

import dev.tine.fork.ForkedHostObject;
import dev.tine.fork.ResumeState;
import dev.tine.fork.Resumes;
import dev.tine.nodes.TineExpressionNode;
import dev.tine.runtime.Errors;
import dev.tine.runtime.HostValues;
import dev.tine.runtime.TineException;
import dev.tine.runtime.TineFunction;
import dev.tine.runtime.TypeNames;

/** `f(a, b)`: the callee, then the arguments left to right, then the call. */
@Resumes(Resumes.How.REENTERS_CALL)
public final class CallNode extends TineExpressionNode {
    @Child private TineExpressionNode callee;
    @Children private final TineExpressionNode[] arguments;
    @Child private DispatchNode dispatch = DispatchNodeGen.create();
    @Child private InteropLibrary foreign;

    public CallNode(TineExpressionNode callee, TineExpressionNode[] arguments) {
        this.callee = callee;
        this.arguments = arguments;
    }

    @Override
    @ExplodeLoop
    public Object executeGeneric(VirtualFrame frame) {
        ResumeState resume = ResumeState.of(this);
        if (resume != null && resume.isRecordedCall(this)) {
            return reenter(resume);
        }
        Object f = callee.executeGeneric(frame);
        Object[] args = new Object[arguments.length + 1];
        for (int i = 0; i < arguments.length; i++) {
            args[i + 1] = arguments[i].executeGeneric(frame);
        }
        if (!(f instanceof TineFunction fn)) {
            return callForeign(f, args);
        }
        if (!fn.acceptsArity(arguments.length)) {
            throw arityError(fn, arguments.length);
        }
        args[0] = fn;
        return dispatch.execute(fn, args);
    }

    @Override
    public boolean hasTag(Class<? extends com.oracle.truffle.api.instrumentation.Tag> tag) {
        return tag == com.oracle.truffle.api.instrumentation.StandardTags.CallTag.class || super.hasTag(tag);
    }

    /** A host or other language's function, passed in through the bindings: arguments and result are converted. */
    private Object callForeign(Object f, Object[] args) {
        if (foreign == null) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            foreign = insert(InteropLibrary.getFactory().createDispatched(3));
        }
        if (f instanceof ForkedHostObject || !foreign.isExecutable(f)) {
            throw notCallable(f);
        }
        Object[] hostArgs = new Object[args.length - 1];
        for (int i = 0; i < hostArgs.length; i++) {
            hostArgs[i] = HostValues.toHost(args[i + 1]);
        }
        try {
            return HostValues.fromHost(foreign.execute(f, hostArgs), foreign);
        } catch (ArityException e) {
            throw foreignError(arity(e));
        } catch (UnsupportedTypeException e) {
            throw foreignError("does not accept these arguments");
        } catch (UnsupportedMessageException e) {
            throw notCallable(f);
        }
    }

    @TruffleBoundary
    private static String arity(ArityException e) {
        int min = e.getExpectedMinArity();
        int max = e.getExpectedMaxArity();
        String expected = min == max ? String.valueOf(min) : max < 0 ? "at least " + min : min + " to " + max;
        return "takes " + expected + " argument" + (expected.equals("1") ? "" : "s") + ", got " + e.getActualArity();
    }

    @TruffleBoundary
    private TineException foreignError(String what) {
        return Errors.typeError("host function " + what, this);
    }

    /** In a fork child: this call was running in the parent; enter its frame again, or return fork()'s 0. */
    private Object reenter(ResumeState resume) {
        Object[] args = resume.enterNext();
        if (args == null) {
            return 0L;
        }
        return dispatch.execute((TineFunction) args[0], args);
    }

    @TruffleBoundary
    private TineException notCallable(Object f) {
        if (f instanceof ForkedHostObject host) {
            return Errors.typeError(host.unavailable(), this);
        }
        return Errors.typeError(TypeNames.of(f) + " is not callable", this);
    }

    @TruffleBoundary
    private TineException arityError(TineFunction fn, int given) {
        String expected = fn.minArgs == fn.maxArgs ? String.valueOf(fn.minArgs)
                        : fn.maxArgs < 0 ? "at least " + fn.minArgs : fn.minArgs + " to " + fn.maxArgs;
        return Errors.typeError(fn.name + "() takes " + expected + " argument" + (expected.equals("1") ? "" : "s") + ", got " + given, this);
    }
}
