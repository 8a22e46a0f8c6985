package dev.tine.stdlib;

import java.util.List;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.NodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.tine.builtins.Builtin;
import dev.tine.builtins.BuiltinNode;
import dev.tine.builtins.BuiltinProvider;
import dev.tine.runtime.Errors;
import dev.tine.runtime.ProcessState;
import dev.tine.runtime.TineMap;
import dev.tine.runtime.TineNull;
import dev.tine.posix.Posix;
import dev.tine.posix.PosixException;

/**
 * getenv, setenv, unsetenv, environ, cwd, chdir. The environment is the script's own copy
 * (ProcessState.environment()), which exec, spawn and run pass on; the JVM's native environment
 * is never changed. chdir changes the real working directory, the script's, and Truffle's.
 */
public final class EnvBuiltins implements BuiltinProvider {
    @Override
    public List<? extends NodeFactory<? extends BuiltinNode>> factories() {
        return EnvBuiltinsFactory.getFactories();
    }

    @Builtin(name = "getenv", process = true, rehearsable = true)
    @GenerateNodeFactory
    abstract static class GetenvBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected Object getenv(String name) {
            String v = context().process.environment().get(name);
            return v == null ? TineNull.INSTANCE : v;
        }

        @Fallback
        protected Object wrong(Object name) {
            throw ArgErrors.expected(this, "a name string", name);
        }
    }

    @Builtin(name = "setenv", process = true, rehearsable = true)
    @GenerateNodeFactory
    abstract static class SetenvBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected Object setenv(String name, String value) {
            ProcessSupport.checkEnvName(ProcessSupport.string(name, "name", this), this);
            context().process.setenv(name, ProcessSupport.string(value, "value", this));
            return TineNull.INSTANCE;
        }

        @Fallback
        protected Object wrong(Object name, Object value) {
            throw ArgErrors.expected(this, "(string, string)", name, value);
        }
    }

    @Builtin(name = "unsetenv", process = true, rehearsable = true)
    @GenerateNodeFactory
    abstract static class UnsetenvBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected Object unsetenv(String name) {
            ProcessSupport.checkEnvName(name, this);
            context().process.unsetenv(name);
            return TineNull.INSTANCE;
        }

        @Fallback
        protected Object wrong(Object name) {
            throw ArgErrors.expected(this, "a name string", name);
        }
    }

    @Builtin(name = "environ", process = true, rehearsable = true)
    @GenerateNodeFactory
    abstract static class EnvironBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected TineMap environ() {
            TineMap m = new TineMap();
            for (Map.Entry<String, String> e : context().process.environment().entrySet()) {
                m.put(e.getKey(), e.getValue());
            }
            return m;
        }
    }

    @Builtin(name = "cwd", process = true, rehearsable = true)
    @GenerateNodeFactory
    abstract static class CwdBuiltin extends BuiltinNode {
        @Specialization
        protected String cwd() {
            return context().process.cwd;
        }
    }

    @Builtin(name = "chdir", process = true, rehearsable = true)
    @GenerateNodeFactory
    abstract static class ChdirBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected Object chdir(String path) {
            ProcessState ps = context().process;
            Posix posix = context().posix;
            try {
                posix.chdir(ProcessSupport.resolve(ps, ProcessSupport.string(path, "path", this)));
                ps.cwd = posix.getcwd();
            } catch (PosixException e) {
                throw Errors.osError(e, this);
            }
            context().followCwd();
            return TineNull.INSTANCE;
        }

        @Fallback
        protected Object wrong(Object path) {
            throw ArgErrors.expected(this, "a path string", path);
        }
    }
}
