package dev.tine.builtins;

import java.util.List;

import com.oracle.truffle.api.dsl.NodeFactory;

/** A topic's built-ins (core, strings, process, ...), found with ServiceLoader. */
public interface BuiltinProvider {
    /** The DSL-generated factory list of the topic's class, e.g. {@code CoreBuiltinsFactory.getFactories()}. */
    List<? extends NodeFactory<? extends BuiltinNode>> factories();

    /** Named constants of the topic, e.g. SIGTERM; values must be Tine values (Long, String, ...). */
    default java.util.Map<String, Object> constants() {
        return java.util.Map.of();
    }

    /** Called once for each new context, after its built-ins are installed (e.g. process-wide set-up for the tine command). */
    default void initializeContext(dev.tine.TineContext context) {
    }
}
