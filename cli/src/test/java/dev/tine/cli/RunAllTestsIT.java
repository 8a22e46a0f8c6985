package dev.tine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ./test script, a copy of it in a directory of its own with a stand-in for mvn on the PATH
 * that prints a build's output and writes its test reports: the progress lines, that they come
 * while Maven runs, Maven's errors, the one summary line and the exit status. (A name that starts
 * with Test would make surefire run it as a unit test too.)
 */
class RunAllTestsIT {
    /** The stand-in for mvn: prints first.txt, waits for the test to see it, puts the reports in place, prints rest.txt. */
    private static final String FAKE_MVN = """
                    #!/usr/bin/env bash
                    cat "$FAKE/first.txt"
                    for i in $(seq 300); do [ -f "$FAKE/seen" ] && break; sleep 0.1; done
                    cp -r "$FAKE/reports/." .
                    cat "$FAKE/rest.txt"
                    exit "$(cat "$FAKE/status")"
                    """;

    record Run(int status, List<String> out, long firstLineMillis) {
    }

    private static Run test(Path dir, String first, String rest, int mvnStatus) throws Exception {
        Path root = Files.createDirectories(dir.resolve("root/etc"));
        Files.copy(CommandLineIT.ROOT.resolve("test"), dir.resolve("root/test"));
        Files.copy(CommandLineIT.ROOT.resolve("etc/find-jdk.sh"), root.resolve("find-jdk.sh"));
        Path fake = Files.createDirectories(dir.resolve("fake"));
        Path mvn = Files.writeString(Files.createDirectories(fake.resolve("bin")).resolve("mvn"), FAKE_MVN);
        assertTrue(mvn.toFile().setExecutable(true));
        Files.writeString(fake.resolve("first.txt"), first);
        Files.writeString(fake.resolve("rest.txt"), rest);
        Files.writeString(fake.resolve("status"), String.valueOf(mvnStatus));
        report(fake, "a/target/surefire-reports/TEST-dev.tine.a.ATest.xml", 4, mvnStatus == 0 ? 0 : 1, 1);
        report(fake, "b/target/failsafe-reports/TEST-dev.tine.b.BIT.xml", 2, 0, 0);

        ProcessBuilder pb = new ProcessBuilder(dir.resolve("root/test").toString()).redirectError(dir.resolve("err.txt").toFile());
        pb.environment().put("PATH", fake.resolve("bin") + ":" + System.getenv("PATH"));
        pb.environment().put("FAKE", fake.toString());
        pb.environment().put("TMPDIR", dir.toString());
        long start = System.nanoTime();
        Process p = pb.start();
        p.getOutputStream().close();
        List<String> out = new ArrayList<>();
        long firstLine;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            out.add(in.readLine());
            firstLine = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            Files.writeString(fake.resolve("seen"), "");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.add(line);
            }
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out, firstLine);
    }

    private static void report(Path fake, String path, int tests, int failures, int skipped) throws Exception {
        Path report = fake.resolve("reports").resolve(path);
        Files.createDirectories(report.getParent());
        Files.writeString(report, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"x\" time=\"1\" tests=\"" + tests
                        + "\" errors=\"0\" skipped=\"" + skipped + "\" failures=\"" + failures + "\">\n</testsuite>\n");
    }

    @Test
    void showsALinePerModuleAndTestClassWhileMavenRuns(@TempDir Path dir) throws Exception {
        Run r = test(dir, """
                        [INFO] Scanning for projects...
                        Downloading from central: https://repo.maven.apache.org/maven2/org/x/x.pom
                        \033[0m[INFO] -----------------------< dev.tine:tine-a >------------------------
                        [INFO] Building tine-a 0.1.0-SNAPSHOT                               [1/2]
                        """, """
                        [INFO] --- maven-surefire-plugin:3.5.2:test (default-test) @ tine-a ---
                        [INFO] Running dev.tine.a.ATest
                        some output of a test
                        [WARNING] Tests run: 4, Failures: 0, Errors: 0, Skipped: 1, Time elapsed: 1.52 s -- in dev.tine.a.ATest
                        [WARNING] Tests run: 4, Failures: 0, Errors: 0, Skipped: 1
                        [INFO] -----------------------< dev.tine:tine-b >------------------------
                        [INFO] Building Tine b 0.1.0-SNAPSHOT                               [2/2]
                        [INFO] Tests run: 2, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.2 s -- in dev.tine.b.BIT
                        [INFO] BUILD SUCCESS
                        """, 0);
        assertEquals(0, r.status);
        assertEquals(List.of("[1/2] tine-a",
                        "  ATest                      3 passed, 0 failed, 1 skipped (1.52 s)",
                        "[2/2] tine-b",
                        "  BIT                        2 passed, 0 failed, 0 skipped (0.2 s)",
                        "tests: 5 passed, 0 failed, 1 skipped"), r.out);
        assertTrue(r.firstLineMillis < 20_000, "the first line came only when Maven was done: " + r.firstLineMillis + " ms");
        try (var left = Files.list(dir)) {
            assertFalse(left.anyMatch(f -> f.getFileName().toString().startsWith("tine-test.")), "a passing run keeps no log");
        }
    }

    @Test
    void aFailureShowsMavensErrorsAndExitsNonZero(@TempDir Path dir) throws Exception {
        Run r = test(dir, """
                        [INFO] -----------------------< dev.tine:tine-a >------------------------
                        [INFO] Building tine-a 0.1.0-SNAPSHOT                               [1/2]
                        """, """
                        [INFO] Running dev.tine.a.ATest
                        [ERROR] Tests run: 4, Failures: 1, Errors: 0, Skipped: 1, Time elapsed: 0.1 s <<< FAILURE! -- in dev.tine.a.ATest
                        [ERROR] dev.tine.a.ATest.fails -- Time elapsed: 0.018 s <<< FAILURE!
                        org.opentest4j.AssertionFailedError: one is not two ==> expected: <1> but was: <2>
                        \tat dev.tine.a.ATest.fails(ATest.java:5)
                        [INFO] Results:
                        [ERROR] Failures:\s
                        [ERROR]   ATest.fails:5 one is not two ==> expected: <1> but was: <2>
                        [INFO]
                        [WARNING] Tests run: 4, Failures: 1, Errors: 0, Skipped: 1
                        [ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.5.2:test (default-test) on project tine-a
                        [INFO] BUILD FAILURE
                        """, 1);
        assertEquals(1, r.status);
        assertEquals("[1/2] tine-a", r.out.get(0));
        assertEquals("  ATest                      2 passed, 1 failed, 1 skipped (0.1 s)", r.out.get(1));
        assertEquals(List.of("[ERROR] dev.tine.a.ATest.fails -- Time elapsed: 0.018 s <<< FAILURE!",
                        "org.opentest4j.AssertionFailedError: one is not two ==> expected: <1> but was: <2>",
                        "\tat dev.tine.a.ATest.fails(ATest.java:5)",
                        "[ERROR] Failures: ",
                        "[ERROR]   ATest.fails:5 one is not two ==> expected: <1> but was: <2>",
                        "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.5.2:test (default-test) on project tine-a"),
                        r.out.subList(2, 8));
        assertTrue(r.out.get(8).startsWith("(Maven's whole output: " + dir + "/tine-test."), r.out.get(8));
        Path log = Path.of(r.out.get(8).replaceFirst("^\\(Maven's whole output: (.*)\\)$", "$1"));
        assertTrue(Files.readString(log).contains("[INFO] BUILD FAILURE"));
        assertEquals("tests: 4 passed, 1 failed, 1 skipped", r.out.get(9));
        assertEquals(10, r.out.size(), String.join("\n", r.out));
    }
}
