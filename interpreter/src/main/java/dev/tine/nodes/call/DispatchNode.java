package dev.tine.nodes.call;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.DirectCallNode;
import com.oracle.truffle.api.nodes.IndirectCallNode;
import com.oracle.truffle.api.nodes.Node;

import dev.tine.runtime.TineFunction;

/** Calls a function: directly while a call site sees few targets, indirectly after. */
public abstract class DispatchNode extends Node {
    public abstract Object execute(TineFunction function, Object[] arguments);

    @Specialization(guards = "function.target == cachedTarget", limit = "3")
    protected static Object direct(@SuppressWarnings("unused") TineFunction function, Object[] arguments,
                    @Cached("function.target") @SuppressWarnings("unused") CallTarget cachedTarget,
                    @Cached("create(cachedTarget)") DirectCallNode call) {
        return call.call(arguments);
    }

    @Specialization(replaces = "direct")
    protected static Object indirect(TineFunction function, Object[] arguments, @Cached IndirectCallNode call) {
        return call.call(function.target, arguments);
    }
}
