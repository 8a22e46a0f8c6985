package dev.tine.nodes.control;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.RepeatingNode;

import dev.tine.nodes.TineNode;

/**
 * What a `while` or `for` gives Truffle's LoopNode to repeat: one iteration, ending with its body.
 * A `return` in the body ends the loop with its value, which the LoopNode hands back.
 */
abstract class LoopBody extends Node implements RepeatingNode {
    @Child TineNode body;

    LoopBody(TineNode body) {
        this.body = body;
    }

    @Override
    public final boolean executeRepeating(VirtualFrame frame) {
        throw new UnsupportedOperationException("executeRepeatingWithValue is the entry");
    }

    /** The body once: CONTINUE_LOOP_STATUS to go on, BREAK_LOOP_STATUS after a break, else the value of a return. */
    final Object runBody(VirtualFrame frame) {
        try {
            Object completion = body.runStatement(frame);
            return completion != null ? completion : CONTINUE_LOOP_STATUS;
        } catch (ContinueException e) {
            return CONTINUE_LOOP_STATUS;
        } catch (BreakException e) {
            return BREAK_LOOP_STATUS;
        }
    }

    /** The LoopNode's result as a statement's completion: null when the loop just ended. */
    static Object completion(Object status) {
        return status == BREAK_LOOP_STATUS ? null : status;
    }
}
