package dev.tine.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.ByteSequence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tine.fork.ResumeRootNode;

/**
 * The proof that frames alone describe where a script is: capture them at a call, then, in a
 * fresh context that never ran the script, rebuild them and resume right after that call.
 */
class FrameCaptureTest {
    record Run(String out, String err) {
    }

    static Run eval(Source source) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (Context c = Context.newBuilder("tine").out(out).err(err).option("engine.WarnInterpreterOnly", "false").build()) {
            c.eval(source);
        }
        return new Run(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Run resume(Path snapshot) {
        assertFalse(!Files.exists(snapshot), "no snapshot written");
        try {
            byte[] bytes = Files.readAllBytes(snapshot);
            return eval(Source.newBuilder("tine", ByteSequence.create(bytes), "<resume>").mimeType(ResumeRootNode.MIME_TYPE).buildLiteral());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void resumesInsideNestedCallsLoopsTryAndAnExpression(@TempDir Path dir) {
        Path snap = dir.resolve("snap");
        String script = """
                        let log = []
                        let shared = {"n": 0}
                        fn inner(k) {
                            try {
                                # operands before the call are in flight: k * 100 and the string
                                return "r=" + str(k * 100 + __checkpoint("%s") * 7)
                            } finally {
                                push(log, "finally ${k}")
                            }
                        }
                        fn outer(xs) {
                            let out = []
                            let bump = fn () { shared.n += 1; return shared.n }
                            for x in xs {
                                if x == 2 {
                                    push(out, inner(x) + "/" + str(bump()))
                                } else {
                                    push(out, str(x) + "/" + str(bump()))
                                }
                            }
                            return out
                        }
                        let res = outer([1, 2, 3])
                        print(res)
                        print(log, shared)
                        """.formatted(snap);
        Run parent = eval(Source.create("tine", script));
        assertEquals("[\"1/1\", \"r=207/2\", \"3/3\"]\n[\"finally 2\"] {\"n\": 3}\n", parent.out, parent.err);
        Run child = resume(snap);
        // Resumed with __checkpoint() returning 0: 2 * 100 + 0 * 7, the loop goes on at x == 3,
        // the closure's cell and the shared map continue from their state at the call.
        assertEquals("[\"1/1\", \"r=200/2\", \"3/3\"]\n[\"finally 2\"] {\"n\": 3}\n", child.out, child.err);
    }

    @Test
    void resumesInPreludeCallbackWithGlobalsAndCycles(@TempDir Path dir) {
        Path snap = dir.resolve("snap");
        String script = """
                        let cyc = [1]
                        push(cyc, cyc)
                        let big = 9223372036854775807 * 3
                        let ys = map([10, 20], fn (v) {
                            if v == 20 { return v + __checkpoint("%s") }
                            return v
                        })
                        print(ys, big, cyc[1][1][0], len(cyc[1]))
                        """.formatted(snap);
        Run parent = eval(Source.create("tine", script));
        assertEquals("[10, 21] 27670116110564327421 1 2\n", parent.out, parent.err);
        Run child = resume(snap);
        assertEquals("[10, 20] 27670116110564327421 1 2\n", child.out, child.err);
    }
}
