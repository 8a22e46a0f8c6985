package dev.tine.fork;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a node with children behaves when a fork child re-enters it on the way to the recorded
 * call (see ResumeState). Every Tine node class with children declares it; a test checks.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
public @interface Resumes {
    How value();

    enum How {
        /**
         * Evaluates its operands again, in order: the translator spills every operand evaluated
         * before a later call to a slot (SpillNode), so the operands before the path read back
         * what the parent computed, and nothing runs twice.
         */
        OPERANDS_AGAIN,
        /** Goes straight to its child on the path, skipping what ran before it (blocks, branches, loops, try, and/or). */
        CHILD_ON_PATH,
        /** Reads its value back from its slot unless the path goes through it (SpillNode). */
        FROM_SLOT,
        /** Is the recorded call of a frame: re-enters the next frame, or is fork() and returns 0. */
        REENTERS_CALL
    }
}
