package dev.tine.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.graalvm.polyglot.Context;
import dev.tine.launcher.ScriptRunner;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.IOAccess;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every golden script in a fresh context and compares stdout (NAME.out), stderr (NAME.err
 * exactly, or NAME.errprefix for the first line) and exit status (NAME.status, default 0).
 * Stdin is NAME.in when present. An internal error, or a Java stack trace on stderr, fails.
 */
class GoldenTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden");

    @TestFactory
    Stream<DynamicTest> golden() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(GOLDEN)) {
            scripts = files.filter(p -> p.toString().endsWith(".tine")).sorted().toList();
        }
        assertFalse(scripts.isEmpty(), "no golden scripts in " + GOLDEN.toAbsolutePath());
        return scripts.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    private static String sibling(Path script, String ext) throws IOException {
        Path p = script.resolveSibling(script.getFileName().toString().replaceAll("\\.tine$", ext));
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : null;
    }

    private static void check(Path script) throws IOException {
        String name = script.getFileName().toString();
        String stdin = sibling(script, ".in");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = -1;
        try (Context context = Context.newBuilder("tine")
                        .in(new ByteArrayInputStream(stdin == null ? new byte[0] : stdin.getBytes(StandardCharsets.UTF_8)))
                        .out(out).err(err)
                        .allowCreateProcess(true).allowNativeAccess(true).allowIO(IOAccess.ALL)
                        .allowEnvironmentAccess(EnvironmentAccess.INHERIT)
                        .option("engine.WarnInterpreterOnly", "false")
                        .build()) {
            Source source = Source.newBuilder("tine", Files.readString(script, StandardCharsets.UTF_8), name).build();
            status = ScriptRunner.eval(context, source, new PrintStream(err, true, StandardCharsets.UTF_8)).status();
        } catch (PolyglotException e) {
            if (!e.isExit()) { // after exit(), Context.close() throws the exit again
                throw e;
            }
        }
        String stdout = out.toString(StandardCharsets.UTF_8);
        String stderr = err.toString(StandardCharsets.UTF_8);
        String context = "\n--- stdout:\n" + stdout + "--- stderr:\n" + stderr;
        assertTrue(status != ScriptRunner.INTERNAL_ERROR, "internal error" + context);
        assertFalse(stderr.contains("\tat ") || stderr.contains("Exception"), "Java stack trace on stderr" + context);
        String expectedStatus = sibling(script, ".status");
        assertEquals(expectedStatus == null ? 0 : Integer.parseInt(expectedStatus.strip()), status, "exit status" + context);
        String expectedOut = sibling(script, ".out");
        assertEquals(expectedOut == null ? "" : expectedOut, stdout, "stdout" + context);
        String expectedErr = sibling(script, ".err");
        if (expectedErr != null) {
            assertEquals(expectedErr, stderr, "stderr" + context);
        }
        String prefix = sibling(script, ".errprefix");
        if (prefix != null) {
            assertTrue(stderr.startsWith(prefix.strip()), "stderr should start with " + prefix.strip() + context);
        }
    }
}
