package dev.tine.nodes.control;

import com.oracle.truffle.api.nodes.Node;

import dev.tine.runtime.TineException;

/**
 * Why a `finally` block is running, when it is not a normal end: an error, a `return`, a
 * `break` or a `continue` that goes on once the block ends, with the node an error came from. It
 * lives in a frame slot while the block runs, so a fork() inside the block carries it to the child.
 */
public record PendingCompletion(Kind kind, Object value, Node origin) {
    public enum Kind {
        ERROR, RETURN, BREAK, CONTINUE
    }

    static PendingCompletion of(RuntimeException e) {
        if (e instanceof TineException t) {
            return new PendingCompletion(Kind.ERROR, t.value, t.getLocation());
        } else if (e instanceof ReturnException r) {
            return new PendingCompletion(Kind.RETURN, r.value, null);
        } else if (e instanceof BreakException) {
            return new PendingCompletion(Kind.BREAK, null, null);
        }
        return new PendingCompletion(Kind.CONTINUE, null, null);
    }

    /** Goes on with it, in a fork child that resumed inside the `finally` block; an error where it was raised, if known. */
    RuntimeException resume(Node location) {
        return switch (kind) {
            case ERROR -> new TineException(value, origin != null ? origin : location);
            case RETURN -> new ReturnException(value);
            case BREAK -> BreakException.INSTANCE;
            case CONTINUE -> ContinueException.INSTANCE;
        };
    }
}
