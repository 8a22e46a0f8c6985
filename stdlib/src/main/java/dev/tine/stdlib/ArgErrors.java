package dev.tine.stdlib;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;

import dev.tine.builtins.Builtin;
import dev.tine.fork.ForkedHostObject;
import dev.tine.runtime.Errors;
import dev.tine.runtime.TineException;
import dev.tine.runtime.TypeNames;

/** The TypeError a built-in's fallback raises: "len() takes a string, list or map, not int". */
final class ArgErrors {
    private ArgErrors() {
    }

    @TruffleBoundary
    static TineException expected(Node builtin, String expected, Object... actual) {
        StringBuilder got = new StringBuilder();
        for (Object a : actual) {
            if (a instanceof ForkedHostObject host) {
                return Errors.typeError(host.unavailable(), builtin); // in a fork child: say why, not just the type
            }
        }
        for (Object a : actual) {
            if (a == dev.tine.builtins.NoArg.INSTANCE) {
                continue;
            }
            got.append(got.isEmpty() ? "" : ", ").append(TypeNames.of(a));
        }
        String name = builtin.getClass().getSuperclass().getAnnotation(Builtin.class).name();
        return Errors.typeError(name + "() takes " + expected + ", not (" + got + ")", builtin);
    }
}
