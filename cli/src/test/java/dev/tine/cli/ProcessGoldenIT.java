package dev.tine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden scripts that need a whole process of their own (fork, exec, inherited stdout, signals):
 * each runs through the real ./tine launcher, from its own directory, as `./tine NAME.tine`.
 * Same files as the stdlib module's GoldenTest: NAME.out, .err or .errprefix, .status, .in.
 */
class ProcessGoldenIT {
    static final Path GOLDEN = Path.of("src/test/resources/golden-process").toAbsolutePath();
    static final Path SAMPLES = CommandLineIT.ROOT.resolve("samples");

    @TestFactory
    Stream<DynamicTest> golden() throws IOException {
        return scripts(GOLDEN, "", null);
    }

    /**
     * The fork scripts again, each child a runtime started for it (--tine.ForkPath=fresh): a
     * child that fork() starts with posix_spawn (its fast path), or that a spare became, must do
     * exactly what a fresh one does.
     */
    @TestFactory
    Stream<DynamicTest> forkScriptsWithFreshChildren() throws IOException {
        return scripts(GOLDEN, "fork_", "--tine.ForkPath=fresh");
    }

    /** And each child a full runtime, from the second fork() on the spare started ahead (--tine.ForkPath=spare). */
    @TestFactory
    Stream<DynamicTest> forkScriptsWithSpares() throws IOException {
        return scripts(GOLDEN, "fork_", "--tine.ForkPath=spare");
    }

    /**
     * Every script again on the optimizing runtime (`tine --jit`, which must come first): its
     * fork children run on it too, and resume exactly as the default runtime's do.
     */
    @TestFactory
    Stream<DynamicTest> underTheOptimizingRuntime() throws IOException {
        return scripts(GOLDEN, "", "--jit");
    }

    /** Every sample is run too, and must print its NAME.out. */
    @TestFactory
    Stream<DynamicTest> samples() throws IOException {
        return scripts(SAMPLES, "", null);
    }

    /** The scripts NAME.tine in dir whose name starts with prefix, run with the tine option (or none). */
    private static Stream<DynamicTest> scripts(Path dir, String prefix, String option) throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(dir)) {
            scripts = files.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".tine")).sorted().toList();
        }
        assertFalse(scripts.isEmpty(), "no scripts in " + dir);
        return scripts.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p, option)));
    }

    private static String sibling(Path script, String ext) throws IOException {
        Path p = script.resolveSibling(script.getFileName().toString().replaceAll("\\.tine$", ext));
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : null;
    }

    private static void check(Path script, String option) throws Exception {
        String stdin = sibling(script, ".in");
        String name = script.getFileName().toString();
        String[] args = option == null ? new String[]{name} : new String[]{option, name};
        CommandLineIT.Result r = CommandLineIT.tineIn(script.getParent(), stdin == null ? "" : stdin, args);
        String context = "\n--- stdout:\n" + r.out() + "--- stderr:\n" + r.err();
        String expectedStatus = sibling(script, ".status");
        assertEquals(expectedStatus == null ? 0 : Integer.parseInt(expectedStatus.strip()), r.status(), "exit status" + context);
        String expectedOut = sibling(script, ".out");
        assertEquals(expectedOut == null ? "" : expectedOut, r.out(), "stdout" + context);
        String expectedErr = sibling(script, ".err");
        if (expectedErr != null) {
            assertEquals(expectedErr, r.err(), "stderr" + context);
        }
        String prefix = sibling(script, ".errprefix");
        if (prefix != null) {
            assertTrue(r.err().startsWith(prefix.strip()), "stderr should start with " + prefix.strip() + context);
        }
    }
}
