package dev.tine.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Context.interrupt from another thread stops a running evaluation within a second, whatever it
 * is doing (a loop, a sleep, recursion, waiting for a child), and the context stays usable.
 * This is what Ctrl-C in the REPL does.
 */
class InterruptTest {
    @ParameterizedTest
    @ValueSource(strings = {"while true { }", "sleep(30)", "fn f(n) { if n > 100 { return 0 }; return f(n + 1) }\nwhile true { f(0) }",
                    "let xs = [1]\nfor x in xs { push(xs, x) }", "run([\"sleep\", \"30\"])", "let xs = []\nwhile true { push(xs, len(xs)); pop(xs) }"})
    void interruptStopsTheEvaluation(String code) throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (Context context = Context.newBuilder("tine").allowCreateProcess(true).allowNativeAccess(true)
                        .option("engine.WarnInterpreterOnly", "false").build()) {
            context.eval("tine", "let kept = 41");
            long[] interruptedAt = new long[1];
            timer.schedule(() -> {
                interruptedAt[0] = System.nanoTime();
                try {
                    context.interrupt(Duration.ofSeconds(5));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, 500, TimeUnit.MILLISECONDS);
            PolyglotException e = assertThrows(PolyglotException.class, () -> context.eval("tine", code));
            long took = System.nanoTime() - interruptedAt[0];
            assertTrue(e.isInterrupted(), e.toString());
            assertTrue(took < 1_000_000_000L, "stopped after " + took / 1_000_000 + " ms");
            assertEquals(42, context.eval("tine", "kept + 1").asInt());
        } finally {
            timer.shutdownNow();
        }
    }
}
