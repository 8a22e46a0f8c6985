package dev.tine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Truffle's tools from the command line: the profiler, coverage, and the Chrome DevTools debugger. */
class ToolsIT {
    static final String FIB = """
                    fn fib(n) {
                        if n < 2 { return n }
                        return fib(n - 1) + fib(n - 2)
                    }
                    fn never() {
                        return "not run"
                    }
                    print(fib(22))
                    """;

    @Test
    void cpuSampler(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("fib.tine");
        Files.writeString(script, FIB);
        CommandLineIT.Result r = CommandLineIT.tine(null, "--cpusampler", script.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("17711\n"), r.out());
        assertTrue(r.out().contains("Sampling Histogram"), r.out());
        assertTrue(Pattern.compile("(?m)^ fib +\\|\\|.*fib\\.tine~1-4").matcher(r.out()).find(), r.out());
        assertEquals("", r.err());
    }

    @Test
    void coverage(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("fib.tine");
        Files.writeString(script, FIB);
        CommandLineIT.Result r = CommandLineIT.tine(null, "--coverage", "--coverage.Output=detailed", script.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("Code coverage per line"), r.out());
        assertTrue(r.out().contains("+     return fib(n - 1) + fib(n - 2)"), r.out());
        assertTrue(r.out().contains("-     return \"not run\""), r.out());
        assertTrue(Pattern.compile("fib\\.tine \\| +85\\.71% \\| +87\\.50% \\| +66\\.67%").matcher(r.out()).find(), r.out());
        assertEquals("", r.err());
    }

    /**
     * The child runs under the parent's tools too (its launch policy has the options), so each
     * process prints its own report; the trees of both have the tools' wrappers, and fork()
     * resumes at the right call.
     */
    @Test
    void forkUnderATool(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("fork.tine");
        Files.writeString(script, """
                        fn work(n) {
                            let pid = fork()
                            if pid == 0 {
                                print("child sees", n)
                                exit(0)
                            }
                            return waitpid(pid).code
                        }
                        for i in range(2) {
                            print("parent got", work(i))
                        }
                        """);
        CommandLineIT.Result r = CommandLineIT.tine(null, "--coverage", script.toString());
        assertEquals(0, r.status(), r.err());
        List<String> scriptLines = r.out().lines().filter(l -> l.startsWith("child") || l.startsWith("parent")).toList();
        assertEquals(List.of("child sees 0", "parent got 0", "child sees 1", "parent got 0"), scriptLines, r.out());
        assertEquals(3, r.out().split("Code coverage histogram", -1).length - 1, r.out());
    }

    @Test
    void unknownOptionIsACommandLineError() throws Exception {
        CommandLineIT.Result r = CommandLineIT.tine(null, "--no-such-tool", "-e", "print(1)");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("tine: Could not find option with name no-such-tool."), r.err());
    }

    /** A DevTools client over the inspector's WebSocket: pause at the start, a breakpoint in fib, the stack, resume. */
    @Test
    void inspector(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("fib.tine");
        Files.writeString(script, FIB);
        try (DevToolsSession devTools = DevToolsSession.start(script)) {
            String paused = devTools.next("\"method\":\"Debugger.paused\"");
            assertEquals(0, firstInt(paused, LOCATION_LINE), paused); // suspended at the first statement, line 1
            devTools.send("{\"id\":4,\"method\":\"Debugger.setBreakpointByUrl\",\"params\":{\"lineNumber\":2,\"url\":\""
                            + script.toUri() + "\",\"columnNumber\":0}}");
            String set = devTools.next("\"id\":4");
            assertTrue(set.contains("\"locations\":[{"), set);
            devTools.send("{\"id\":5,\"method\":\"Debugger.resume\"}");
            String atBreakpoint = devTools.next("\"method\":\"Debugger.paused\"");
            assertTrue(atBreakpoint.contains("\"functionName\":\"fib\""), atBreakpoint);
            assertEquals(2, firstInt(atBreakpoint, LOCATION_LINE), atBreakpoint);
            String breakpointId = firstString(set, "\"breakpointId\":\"([^\"]+)\"");
            devTools.send("{\"id\":6,\"method\":\"Debugger.removeBreakpoint\",\"params\":{\"breakpointId\":\"" + breakpointId + "\"}}");
            devTools.next("\"id\":6");
            devTools.send("{\"id\":7,\"method\":\"Debugger.resume\"}");
            assertEquals("17711\n", devTools.output());
            assertEquals(0, devTools.process.exitValue());
        }
    }

    /** The line (0-based) where the top frame is, not where its function starts. */
    static final String LOCATION_LINE = "\"location\":\\{\"scriptId\":\"\\d+\",\"columnNumber\":\\d+,\"lineNumber\":(\\d+)";

    static int firstInt(String json, String regex) {
        return Integer.parseInt(firstString(json, regex));
    }

    static String firstString(String json, String regex) {
        Matcher m = Pattern.compile(regex).matcher(json);
        assertTrue(m.find(), regex + " in " + json);
        return m.group(1);
    }
}
