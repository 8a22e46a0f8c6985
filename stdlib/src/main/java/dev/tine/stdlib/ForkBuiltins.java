package dev.tine.stdlib;

import java.util.List;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.NodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.tine.builtins.Builtin;
import dev.tine.builtins.BuiltinNode;
import dev.tine.builtins.BuiltinProvider;
import dev.tine.fork.Fork;

/** fork(): the whole path is the interpreter's (dev.tine.fork.Fork); see docs/ARCHITECTURE.md. */
public final class ForkBuiltins implements BuiltinProvider {
    @Override
    public List<? extends NodeFactory<? extends BuiltinNode>> factories() {
        return ForkBuiltinsFactory.getFactories();
    }

    @Builtin(name = "fork", process = true)
    @GenerateNodeFactory
    abstract static class ForkBuiltin extends BuiltinNode {
        @Specialization
        protected long fork() {
            return Fork.fork(context(), this);
        }
    }
}
