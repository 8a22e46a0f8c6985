package dev.tine.stdlib;

import java.util.List;
import java.util.TreeSet;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.NodeFactory;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.IndirectCallNode;
import com.oracle.truffle.api.nodes.LanguageInfo;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.Source;

import dev.tine.builtins.Builtin;
import dev.tine.builtins.BuiltinNode;
import dev.tine.builtins.BuiltinProvider;
import dev.tine.runtime.Errors;
import dev.tine.runtime.HostValues;
import dev.tine.runtime.Printer;
import dev.tine.runtime.TineException;
import dev.tine.runtime.TineNull;

/**
 * polyglot_eval, polyglot_import, polyglot_export: other languages of the context. Truffle's
 * own checks would refuse too, with an IllegalStateException; these say SecurityError first.
 */
public final class PolyglotBuiltins implements BuiltinProvider {
    @Override
    public List<? extends NodeFactory<? extends BuiltinNode>> factories() {
        return PolyglotBuiltinsFactory.getFactories();
    }

    @Builtin(name = "polyglot_eval")
    @GenerateNodeFactory
    abstract static class PolyglotEvalBuiltin extends BuiltinNode {
        @Specialization
        protected Object eval(String language, String code, @Cached IndirectCallNode call) {
            return HostValues.fromHost(call.call(parse(language, code)));
        }

        @TruffleBoundary
        private CallTarget parse(String id, String code) {
            TruffleLanguage.Env env = context().env;
            if (!env.isPolyglotEvalAllowed()) {
                throw refused("polyglot_eval() needs a context that allows polyglot access (allowPolyglotAccess)", this);
            }
            LanguageInfo info = env.getPublicLanguages().get(id);
            if (info == null) {
                // not installed, or not one of the context's languages: from here the two look the same
                TreeSet<String> ids = new TreeSet<>(env.getPublicLanguages().keySet());
                throw refused("polyglot_eval(): no language " + Printer.quote(id) + " is accessible in this context (accessible: " + String.join(", ", ids) + ")", this);
            }
            if (!env.isPolyglotEvalAllowed(info)) {
                throw refused("polyglot_eval() of " + Printer.quote(id) + " is not allowed in this context", this);
            }
            return env.parsePublic(Source.newBuilder(id, code, "polyglot_eval").build());
        }

        @Fallback
        protected Object wrong(Object language, Object code) {
            throw ArgErrors.expected(this, "a language id and a string of code", language, code);
        }
    }

    @Builtin(name = "polyglot_import")
    @GenerateNodeFactory
    abstract static class PolyglotImportBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected Object importSymbol(String name) {
            Object v = bindings(this).importSymbol(name);
            return v == null ? TineNull.INSTANCE : HostValues.fromHost(v);
        }

        @Fallback
        protected Object wrong(Object name) {
            throw ArgErrors.expected(this, "a string", name);
        }
    }

    @Builtin(name = "polyglot_export")
    @GenerateNodeFactory
    abstract static class PolyglotExportBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected Object export(String name, Object value) {
            bindings(this).exportSymbol(name, HostValues.toHost(value));
            return TineNull.INSTANCE;
        }

        @Fallback
        protected Object wrong(Object name, Object value) {
            throw ArgErrors.expected(this, "a name and a value", name, value);
        }
    }

    /** The context's env when it allows the polyglot bindings, else a SecurityError. */
    private static TruffleLanguage.Env bindings(BuiltinNode node) {
        TruffleLanguage.Env env = node.context().env;
        if (!env.isPolyglotBindingsAccessAllowed()) {
            throw refused("the polyglot bindings need a context that allows polyglot access (allowPolyglotAccess)", node);
        }
        return env;
    }

    private static TineException refused(String message, Node node) {
        return Errors.error("SecurityError", message, node);
    }
}
