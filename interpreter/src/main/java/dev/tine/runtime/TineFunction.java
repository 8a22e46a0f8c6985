package dev.tine.runtime;

import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.utilities.TriState;
import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.interop.ArityException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.source.SourceSection;

/**
 * A function value: a script function with the cells it closed over, or a built-in. Frame
 * arguments are {@code [function, arg0, arg1, ...]}, so a body reaches its cells through
 * argument 0.
 */
@ExportLibrary(InteropLibrary.class)
public final class TineFunction implements TruffleObject {
    public final String name;
    public final CallTarget target;
    /** Fixed arity; -1 for variadic built-ins. */
    public final int minArgs;
    public final int maxArgs;
    public final Cell[] cells;

    public TineFunction(String name, CallTarget target, int minArgs, int maxArgs, Cell[] cells) {
        this.name = name;
        this.target = target;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
        this.cells = cells;
    }

    public boolean acceptsArity(int n) {
        return n >= minArgs && (maxArgs < 0 || n <= maxArgs);
    }

    @Override
    public String toString() {
        return "<fn " + name + ">";
    }

    @ExportMessage
    boolean isExecutable() {
        return true;
    }

    @ExportMessage
    Object execute(Object[] arguments) throws ArityException {
        if (!acceptsArity(arguments.length)) {
            throw ArityException.create(minArgs, maxArgs, arguments.length);
        }
        Object[] frameArgs = new Object[arguments.length + 1];
        frameArgs[0] = this;
        for (int i = 0; i < arguments.length; i++) {
            frameArgs[i + 1] = HostValues.fromHost(arguments[i]);
        }
        return HostValues.toHost(target.call(frameArgs));
    }

    @ExportMessage
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return toString();
    }

    @ExportMessage
    boolean hasMetaObject() {
        return true;
    }

    @ExportMessage
    Object getMetaObject() {
        return TineType.FUNCTION;
    }

    /** Where a script function is defined; a built-in has no place. */
    @ExportMessage
    boolean hasSourceLocation() {
        return sourceSection() != null;
    }

    @ExportMessage(name = "getSourceLocation")
    SourceSection getSourceLocationMessage() throws UnsupportedMessageException {
        SourceSection s = sourceSection();
        if (s == null) {
            throw UnsupportedMessageException.create();
        }
        return s;
    }

    @TruffleBoundary
    private SourceSection sourceSection() {
        SourceSection s = target instanceof RootCallTarget root ? root.getRootNode().getSourceSection() : null;
        return s != null && s.isAvailable() ? s : null;
    }

    /** The same function to other languages (JS `===`) and the host (Value.equals): identity, not contents. */
    @ExportMessage
    static final class IsIdenticalOrUndefined {
        @Specialization
        static TriState same(TineFunction receiver, TineFunction other) {
            return TriState.valueOf(receiver == other);
        }

        @Fallback
        static TriState other(@SuppressWarnings("unused") TineFunction receiver, @SuppressWarnings("unused") Object other) {
            return TriState.UNDEFINED;
        }
    }

    @ExportMessage
    @TruffleBoundary
    int identityHashCode() {
        return System.identityHashCode(this);
    }
}
