package dev.tine.jsr223;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Engines dropped without close() are collected: 2,000 of them fit in a 64 MB heap. */
class UnclosedEnginesTest {
    @Test
    void twoThousandUnclosedEnginesInASmallHeap() throws IOException, InterruptedException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-Xmx64m", "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                        "-Dpolyglot.engine.WarnInterpreterOnly=false", "-cp", classPath, UnclosedEngines.class.getName(), "2000"))
                        .redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        assertEquals("2000", text.strip().lines().reduce((a, b) -> b).orElse(""), text);
    }
}
