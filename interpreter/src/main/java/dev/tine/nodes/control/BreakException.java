package dev.tine.nodes.control;

import com.oracle.truffle.api.nodes.ControlFlowException;

/** Unwinds from `break` to the innermost loop. */
public final class BreakException extends ControlFlowException {
    private static final long serialVersionUID = 1L;
    public static final BreakException INSTANCE = new BreakException();
}
