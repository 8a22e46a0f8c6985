package dev.tine.fork;

import dev.tine.nodes.TineRootNode;

/**
 * One active call at the moment of fork(): which function (a script function, or a built-in that
 * a signal handler interrupted), its arguments, its frame slots, and where it is: the position
 * ({@link NodeIndex}) of the call or loop it is in, or {@link #FINISHED} / {@link #RESTART}.
 */
public record CapturedFrame(TineRootNode root, Object[] arguments, Object[] slots, int position) {
    /** The call had returned (its result in its slot) when a signal handler ran, right after it. */
    public static final int FINISHED = -2;
    /** A built-in that was waiting when a signal handler ran: after the handler, it runs again (as SA_RESTART). */
    public static final int RESTART = -3;
}
