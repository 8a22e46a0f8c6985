package dev.tine.samples.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Runs the packaged sample as a user would (samples/embedding/run) and checks all it prints. */
class EmbeddingDemoIT {
    @Test
    void runsTheSampleApplication() throws Exception {
        Path run = Path.of("run").toAbsolutePath();
        Process p = new ProcessBuilder(List.of(run.toString())).redirectErrorStream(true).start();
        p.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals("""
                        hello world
                        [host] counted 4 distinct words
                        the = 2
                        cat = 1
                        and = 1
                        hat = 1
                        version 1.0, globals [log, word_counts, version]
                        IndexError at line 2: IndexError: list index 5 out of range (size 2)
                        SecurityError: run() needs a context that allows creating processes and native access
                        hi from a child process
                        the script exited with 3; the application goes on
                        """, text);
        assertEquals(0, p.exitValue());
    }
}
