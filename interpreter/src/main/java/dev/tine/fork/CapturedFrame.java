package dev.tine.fork;

import dev.tine.nodes.FunctionRootNode;

/**
 * One active script call at the moment of fork(): which function, its arguments, its frame
 * slots, and the call it is executing (as a {@link NodeIndex} position).
 */
public record CapturedFrame(FunctionRootNode root, Object[] arguments, Object[] slots, int callNodeIndex) {
}
