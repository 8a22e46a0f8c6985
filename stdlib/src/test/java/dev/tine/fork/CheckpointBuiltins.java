package dev.tine.fork;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.NodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.tine.builtins.Builtin;
import dev.tine.builtins.BuiltinNode;
import dev.tine.builtins.BuiltinProvider;
import dev.tine.fork.Fork;

/** Test-only: `__checkpoint(path)` writes a fork snapshot of the running script and returns 1. */
public final class CheckpointBuiltins implements BuiltinProvider {
    @Override
    public List<? extends NodeFactory<? extends BuiltinNode>> factories() {
        return CheckpointBuiltinsFactory.getFactories();
    }

    @Builtin(name = "__checkpoint")
    @GenerateNodeFactory
    abstract static class CheckpointBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected long checkpoint(String path) {
            try {
                Files.write(Path.of(path), Fork.checkpoint(context(), this));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return 1L;
        }
    }
}
