package dev.tine.jsr223;

import javax.script.CompiledScript;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptException;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/** A source parsed once (syntax errors are reported by compile), run as often as needed. */
final class TineCompiledScript extends CompiledScript {
    private final TineScriptEngine engine;
    private final Source source;
    private Context parsedIn;
    private Value program;

    TineCompiledScript(TineScriptEngine engine, Source source) throws ScriptException {
        this.engine = engine;
        this.source = source;
        program();
    }

    private Value program() throws ScriptException {
        Context now = engine.polyglotContext();
        if (program == null || parsedIn != now) { // a new context after exit()
            program = engine.parse(source);
            parsedIn = now;
        }
        return program;
    }

    @Override
    public Object eval(ScriptContext ctx) throws ScriptException {
        Value p = program();
        return engine.run(ctx, p::execute);
    }

    @Override
    public ScriptEngine getEngine() {
        return engine;
    }
}
