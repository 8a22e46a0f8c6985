package dev.tine.jsr223;

import java.util.Map;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;

import org.springframework.scripting.support.StandardScriptEvaluator;
import org.springframework.scripting.support.StaticScriptSource;

/**
 * Run in a JVM with a small heap by {@link UnclosedEnginesTest}: makes engines the way
 * applications do and never closes them. Prints how many evaluations gave the right answer.
 */
public final class UnclosedEngines {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        ScriptEngineManager manager = new ScriptEngineManager();
        StandardScriptEvaluator spring = new StandardScriptEvaluator(manager);
        spring.setLanguage("tine");
        int right = 0;
        for (int i = 0; i < n; i++) {
            Object r;
            if (i % 2 == 0) {
                ScriptEngine engine = manager.getEngineByName("tine");
                r = engine.eval("let x = " + i + "\nlet pad = \"" + "x".repeat(2000) + "\"\nx + 1");
            } else {
                r = spring.evaluate(new StaticScriptSource("let pad = \"" + "y".repeat(2000) + "\"\nx + 1"), Map.of("x", i));
            }
            if (Long.valueOf(i + 1).equals(r)) {
                right++;
            }
        }
        System.out.println(right);
    }
}
