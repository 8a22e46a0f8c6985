package dev.tine.nodes.control;

import com.oracle.truffle.api.nodes.ControlFlowException;

/** Unwinds from `continue` to the innermost loop. */
public final class ContinueException extends ControlFlowException {
    private static final long serialVersionUID = 1L;
    public static final ContinueException INSTANCE = new ContinueException();
}
