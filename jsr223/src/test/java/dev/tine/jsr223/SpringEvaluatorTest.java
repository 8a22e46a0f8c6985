package dev.tine.jsr223;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import javax.script.ScriptEngineManager;

import org.junit.jupiter.api.Test;
import org.springframework.scripting.ScriptCompilationException;
import org.springframework.scripting.support.StandardScriptEvaluator;
import org.springframework.scripting.support.StaticScriptSource;

/** Tine behind Spring's StandardScriptEvaluator, which makes a new engine for every evaluation. */
class SpringEvaluatorTest {
    private final StandardScriptEvaluator evaluator = new StandardScriptEvaluator();

    SpringEvaluatorTest() {
        evaluator.setLanguage("tine");
    }

    @Test
    void evaluatesWithArgumentsAndWithout() {
        assertEquals(42L, evaluator.evaluate(new StaticScriptSource("6 * 7")));
        assertEquals("order 7 for ann", evaluator.evaluate(new StaticScriptSource("\"order ${id} for ${who}\""), Map.of("id", 7, "who", "ann")));
        assertEquals(List.of(1L, 2L), evaluator.evaluate(new StaticScriptSource("[a, b]"), Map.of("a", 1, "b", 2L)));
    }

    @Test
    void requestsShareNothing() {
        assertEquals("t1", evaluator.evaluate(new StaticScriptSource("let token = tok\ntoken"), Map.of("tok", "t1")));
        ScriptCompilationException e = assertThrows(ScriptCompilationException.class,
                        () -> evaluator.evaluate(new StaticScriptSource("token"), Map.of("tok", "t2")));
        assertTrue(e.getCause().getMessage().startsWith("NameError: name 'token' is not defined"), e.getCause().getMessage());
    }

    @Test
    void globalBindingsAreSeenByEveryEvaluation() {
        StandardScriptEvaluator evaluator = new StandardScriptEvaluator(new ScriptEngineManager()); // Spring drops them without a manager
        evaluator.setLanguage("tine");
        evaluator.setGlobalBindings(Map.of("region", "eu"));
        assertEquals("eu-1", evaluator.evaluate(new StaticScriptSource("region + \"-\" + str(n)"), Map.of("n", 1)));
        assertEquals("eu", evaluator.evaluate(new StaticScriptSource("region")));
    }

    @Test
    void aScriptErrorIsSpringsCompilationExceptionWithTheTineMessage() {
        ScriptCompilationException e = assertThrows(ScriptCompilationException.class,
                        () -> evaluator.evaluate(new StaticScriptSource("let y = x + \"s\""), Map.of("x", 1)));
        assertTrue(e.getCause().getMessage().startsWith("TypeError: cannot add int and string"), e.getCause().getMessage());
    }
}
