package dev.tine.jsr223;

import java.util.List;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;

/** Registers Tine with javax.script: {@code new ScriptEngineManager().getEngineByName("tine")}. */
public final class TineScriptEngineFactory implements ScriptEngineFactory {
    static final String VERSION = "0.1.0";

    @Override
    public String getEngineName() {
        return "Tine";
    }

    @Override
    public String getEngineVersion() {
        return VERSION;
    }

    @Override
    public List<String> getExtensions() {
        return List.of("tine");
    }

    @Override
    public List<String> getMimeTypes() {
        return List.of("application/x-tine");
    }

    @Override
    public List<String> getNames() {
        return List.of("tine", "Tine");
    }

    @Override
    public String getLanguageName() {
        return "Tine";
    }

    @Override
    public String getLanguageVersion() {
        return VERSION;
    }

    @Override
    public Object getParameter(String key) {
        return switch (key) {
            case ScriptEngine.ENGINE -> getEngineName();
            case ScriptEngine.ENGINE_VERSION -> getEngineVersion();
            case ScriptEngine.NAME -> "tine";
            case ScriptEngine.LANGUAGE -> getLanguageName();
            case ScriptEngine.LANGUAGE_VERSION -> getLanguageVersion();
            default -> null; // "THREADING": null, an engine is used by one thread at a time
        };
    }

    @Override
    public String getMethodCallSyntax(String obj, String m, String... args) {
        return obj + "." + m + "(" + String.join(", ", args) + ")";
    }

    @Override
    public String getOutputStatement(String toDisplay) {
        return "print(" + quote(toDisplay) + ")";
    }

    /** A Tine string literal for any text. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"', '\\', '$' -> sb.append('\\').append(c);
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '\0' -> sb.append("\\0");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    @Override
    public String getProgram(String... statements) {
        return String.join("\n", statements) + "\n";
    }

    @Override
    public ScriptEngine getScriptEngine() {
        return new TineScriptEngine(this);
    }
}
