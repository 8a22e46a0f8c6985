package dev.tine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.graalvm.options.OptionCategory;
import org.graalvm.options.OptionDescriptor;
import org.graalvm.polyglot.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real `tine` launcher at the repository root, as a user would. */
class CommandLineIT {
    static final Path ROOT = Path.of(System.getProperty("tine.root", "..")).toAbsolutePath().normalize();

    record Result(int status, String out, String err) {
    }

    static Result tine(String stdin, String... args) throws IOException, InterruptedException {
        return tineIn(null, stdin, args);
    }

    /** Runs ./tine in a directory (null: this one), with stdin, and waits for it (2 minutes at most). */
    static Result tineIn(Path dir, String stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ROOT.resolve("tine").toString());
        cmd.addAll(List.of(args));
        return runIn(dir, stdin, cmd);
    }

    /** Any command (that runs ./tine somehow), as {@link #tineIn}. */
    static Result run(String stdin, String... cmd) throws IOException, InterruptedException {
        return runIn(null, stdin, List.of(cmd));
    }

    private static Result runIn(Path dir, String stdin, List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        Path outFile = Files.createTempFile("tine-out", ".txt");
        Path errFile = Files.createTempFile("tine-err", ".txt");
        pb.redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "tine did not finish");
        Result r = new Result(p.exitValue(), Files.readString(outFile), Files.readString(errFile));
        Files.delete(outFile);
        Files.delete(errFile);
        assertFalse(r.err.contains("\tat ") || r.err.contains("Exception") || r.err.contains("WARNING"),
                        "Java stack trace or JVM warning on stderr:\n" + r.err);
        return r;
    }

    @Test
    void runsAFileWithArguments(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("hello.tine");
        Files.writeString(script, "#!/usr/bin/env tine\nprint(\"hello\", args())\n");
        Result r = tine(null, script.toString(), "a", "b c");
        assertEquals(0, r.status, r.err);
        assertEquals("hello [\"a\", \"b c\"]\n", r.out);
    }

    @Test
    void runsCodeFromDashE() throws Exception {
        Result r = tine(null, "-e", "print(len(args()), args()[0])", "x", "y");
        assertEquals(0, r.status, r.err);
        assertEquals("2 x\n", r.out);
    }

    @Test
    void runsAScriptFromAPipe() throws Exception {
        Result r = tine("let x = 6\nprint(x * 7)\n");
        assertEquals(0, r.status, r.err);
        assertEquals("42\n", r.out);
    }

    @Test
    void syntaxErrorPrintsLineAndCaretAndExits2(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("bad.tine");
        Files.writeString(script, "print(1)\nlet x = 1 +\n}\n");
        Result r = tine(null, script.toString());
        assertEquals(2, r.status);
        assertEquals("", r.out, "a syntax error runs nothing");
        String[] lines = r.err.split("\n");
        assertTrue(lines[0].startsWith(script + ":3:1: syntax error: "), r.err);
        assertEquals("}", lines[1]);
        assertEquals("^", lines[2]);
    }

    @Test
    void uncaughtErrorPrintsTraceAndExits1(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("err.tine");
        Files.writeString(script, "fn add(a, b) {\n    return a + b\n}\nprint(\"before\")\nadd(1, \"x\")\n");
        Result r = tine(null, script.toString());
        assertEquals(1, r.status);
        assertEquals("before\n", r.out);
        assertEquals("error: TypeError: cannot add int and string\n  at add (" + script + ":2:12)\n  at <main> (" + script + ":5:1)\n", r.err);
    }

    /** engine.CompileImmediately exists only in the optimizing runtime: accepted, it proves --jit uses it. */
    @Test
    void jitRunsTheOptimizingRuntimeForkChildrenToo(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("jit.tine");
        Files.writeString(script, "fn f(n) { return n * 2 }\nlet pid = fork()\nif pid == 0 { print(\"child\", f(21)); exit(3) }\n"
                        + "print(\"parent\", waitpid(pid).code)\n");
        Result r = tine(null, "--jit", "--engine.CompileImmediately=true", script.toString());
        assertEquals(0, r.status, r.err);
        assertEquals("child 42\nparent 3\n", r.out);
    }

    /**
     * Compiled code takes a global that was set once as a constant (GlobalCell): compiled at
     * their first call, in the foreground, the callers must still see a function replaced, a
     * global counted up in a loop, and a global removed by `let` shadowing nothing else.
     */
    @Test
    void compiledCodeSeesGlobalsChange(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("globals.tine");
        Files.writeString(script, """
                        fn f() { return 1 }
                        fn callF() { return f() }
                        let total = 0
                        for i in range(20) { total = total + callF() }
                        print(total)
                        f = fn () { return 2 }
                        print(callF())
                        let n = 0
                        fn bump() { n = n + 1; return n }
                        for i in range(5) { bump() }
                        print(n, bump())
                        fn useLen() { return len("abc") }
                        print(useLen())
                        let len = fn (x) { return 99 }
                        print(useLen())
                        """);
        Result r = tine(null, "--jit", "--engine.CompileImmediately=true", "--engine.BackgroundCompilation=false", script.toString());
        assertEquals(0, r.status, r.err);
        assertEquals("20\n2\n5 6\n3\n99\n", r.out);
    }

    @Test
    void badCommandLineExits2() throws Exception {
        assertEquals(2, tine(null, "/nonexistent/script.tine").status);
        Result unknown = tine(null, "--no-such-flag");
        assertEquals(2, unknown.status);
        assertTrue(unknown.err.startsWith("tine: ") && unknown.err.contains("no-such-flag") && unknown.err.contains("tine --help"), unknown.err);
        Result dash = tine(null, "-x");
        assertEquals(2, dash.status);
        assertTrue(dash.err.startsWith("tine: unknown option -x\nusage: tine "), dash.err);
        Result jit = tine(null, "--coverage", "--jit", "-e", "1"); // ./tine takes --jit only first
        assertEquals(2, jit.status);
        assertTrue(jit.err.startsWith("tine: --jit must be the first argument\n"), jit.err);
        assertEquals(2, tine(null, "-e").status);
        Result fork = tine(null, "--tine.ForkPath=full", "-e", "1"); // the old name of fresh
        assertEquals(2, fork.status);
        assertTrue(fork.err.startsWith("tine: tine.ForkPath must be auto, spare or fresh, not full\n"), fork.err);
    }

    @Test
    void versionPrintsTheProjectVersion() throws Exception {
        String version = System.getProperty("tine.version");
        assertTrue(version != null && !version.isEmpty() && !version.contains("${"), "failsafe passes the project version: " + version);
        for (String[] args : new String[][]{{"--version"}, {"--jit", "--version"}, {"--coverage", "--version"}}) {
            Result r = tine(null, args);
            assertEquals(0, r.status, r.err);
            assertEquals("tine " + version + "\n", r.out);
            assertEquals("", r.err);
        }
    }

    /** --help lists every option: the launcher's, the tools', and each option of the tine language that is not internal. */
    @Test
    void helpListsEveryOption() throws Exception {
        Result r = tine(null, "--help");
        assertEquals(0, r.status, r.err);
        assertEquals("", r.err);
        assertTrue(r.out.startsWith("usage: tine "), r.out);
        for (String option : List.of("--jit", "--inspect", "--cpusampler", "--coverage", " -e CODE", "--version", "--help", "-h",
                        "--NAME[=VALUE]", "--engine.", "--tine.TraceFork", "--tine.ForkPath=auto|spare|fresh", "--tine.AllowExec")) {
            assertTrue(r.out.contains(option), option + " is not in the help:\n" + r.out);
        }
        try (Engine engine = Engine.newBuilder("tine").option("engine.WarnInterpreterOnly", "false").build()) {
            int listed = 0;
            for (OptionDescriptor d : engine.getLanguages().get("tine").getOptions()) {
                if (d.getCategory() != OptionCategory.INTERNAL) {
                    assertTrue(r.out.contains("--" + d.getName()), "--" + d.getName() + " is not in the help:\n" + r.out);
                    listed++;
                }
            }
            assertTrue(listed >= 3, "the tine language has options");
        }
        assertEquals(r, tine(null, "-h"));
        assertEquals(r, tine(null, "--tine.TraceFork", "--help"));
    }

    /** A script that is not UTF-8 is a syntax error at its first bad byte, as a file, with args, and on stdin. */
    @Test
    void sourceThatIsNotUtf8IsASyntaxError(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("20.tine");
        Files.write(script, concat("print(\"a\")\nprint(\"".getBytes(StandardCharsets.UTF_8), new byte[]{(byte) 0xff}, "\")\n".getBytes(StandardCharsets.UTF_8)));
        String rest = ":2:8: syntax error: invalid UTF-8 byte 0xff\nprint(\"\uFFFD\")\n       ^\n";
        for (Result r : List.of(tine(null, script.toString()), tine(null, script.toString(), "a", "b"),
                        run(null, "bash", "-c", "\"$0\" < \"$1\"", ROOT.resolve("tine").toString(), script.toString()),
                        run(null, "bash", "-c", "cat \"$1\" | \"$0\" - x", ROOT.resolve("tine").toString(), script.toString()))) {
            assertEquals(2, r.status, r.err);
            assertEquals("", r.out, "a syntax error runs nothing");
            assertTrue(r.err.equals(script + rest) || r.err.equals("<stdin>" + rest), r.err);
        }
        // A bad byte after characters of two UTF-16 chars: the column counts chars, as the parser's columns do.
        Files.write(script, concat("let s = \"\u00e9\ud83d\ude00\"; print(".getBytes(StandardCharsets.UTF_8), new byte[]{(byte) 0xc3, '('}));
        Result cut = tine(null, script.toString());
        assertEquals(2, cut.status, cut.err);
        assertTrue(cut.err.startsWith(script + ":1:22: syntax error: invalid UTF-8 byte 0xc3\n"), cut.err);
        Files.write(script, "let s = \"\u00e9\ud83d\ude00\"; print(".getBytes(StandardCharsets.UTF_8));
        assertTrue(tine(null, script.toString()).err.startsWith(script + ":1:22: syntax error: unexpected end of file\n"));
        // -e takes a string, which the JVM decoded already: nothing to report, nothing crashes.
        Result e = run(null, "bash", "-c", "\"$0\" -e \"$(printf 'print(len(\"\\377\"))')\"", ROOT.resolve("tine").toString());
        assertEquals(0, e.status, e.err);
        assertEquals("1\n", e.out);
    }

    private static byte[] concat(byte[]... parts) {
        var all = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }
}
