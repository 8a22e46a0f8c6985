package dev.tine.builtins;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a built-in function. Its arity is the number of arguments its specializations take;
 * trailing arguments past {@link #minArgs} are optional and arrive as {@link NoArg#INSTANCE}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Builtin {
    String name();

    /** -1: every argument is required. */
    int minArgs() default -1;

    /** Takes any number of arguments, as one Object[]. */
    boolean variadic() default false;

    /** Needs allowCreateProcess and allowNativeAccess (checked before the call). */
    boolean process() default false;

    /**
     * May run again from its start when a signal handler interrupted it while it waited (as a
     * call restarted after a handler, SA_RESTART): what a fork child of that handler does.
     */
    boolean restartable() default false;

    /**
     * May run while fork() rehearses its child in the parent (the fork-then-exec fast path): it
     * acts only on its arguments, on new values, on the context's ProcessState and through the
     * context's Posix, which records there. Anything else it did would happen in the parent.
     */
    boolean rehearsable() default false;
}
