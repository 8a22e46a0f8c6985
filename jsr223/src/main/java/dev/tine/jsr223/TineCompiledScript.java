package dev.tine.jsr223;

import javax.script.CompiledScript;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptException;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * A source parsed once per context it runs in (compile reports its syntax errors, parsing it in
 * the engine's own context), run as often as needed.
 */
final class TineCompiledScript extends CompiledScript {
    private final TineScriptEngine engine;
    private final Source source;
    private Context parsedIn;
    private Value program;

    TineCompiledScript(TineScriptEngine engine, Source source) throws ScriptException {
        this.engine = engine;
        this.source = source;
        Context own = engine.polyglotContext();
        program = TineScriptEngine.parse(own, source);
        parsedIn = own;
    }

    /** The program parsed in {@code context}: the one parsed last, or parsed again there. */
    synchronized Value program(Context context) {
        if (parsedIn != context) {
            program = context.parse(source); // its syntax is known to be good: compile parsed it
            parsedIn = context;
        }
        return program;
    }

    @Override
    public Object eval(ScriptContext ctx) throws ScriptException {
        return engine.run(ctx, source, this);
    }

    @Override
    public ScriptEngine getEngine() {
        return engine;
    }
}
