package dev.tine.nodes.control;

import com.oracle.truffle.api.nodes.ControlFlowException;

/** Unwinds from `return` to the function's root. */
public final class ReturnException extends ControlFlowException {
    private static final long serialVersionUID = 1L;
    public final transient Object value;

    public ReturnException(Object value) {
        this.value = value;
    }
}
