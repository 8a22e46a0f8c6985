package dev.tine.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Process built-ins with real processes, where a golden script cannot say it: big outputs,
 * process groups, signal state of children, contexts with other permissions, exit to the host.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang fails the test, not the build
class ProcessBuiltinsTest {
    private static Context.Builder builder(ByteArrayOutputStream out) {
        return Context.newBuilder("tine")
                        .in(new ByteArrayInputStream(new byte[0]))
                        .out(out).err(out)
                        .allowIO(IOAccess.ALL)
                        .allowEnvironmentAccess(EnvironmentAccess.INHERIT)
                        .option("engine.WarnInterpreterOnly", "false");
    }

    /** Runs code in a context that may create processes; returns what it printed. */
    static String run(String code) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context context = builder(out).allowCreateProcess(true).allowNativeAccess(true).build()) {
            context.eval("tine", code);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void pipeIntoSortWithDupedFds() {
        String out = run("""
                        let input = pipe()
                        let output = pipe()
                        let stdin = dup(input[0])
                        let stdout = dup(output[1])
                        close(input[0])
                        close(output[1])
                        # sort gets none of the script's other fds, so it sees end of file when the script closes input[1]
                        let pid = spawn(["sort"], {"stdin": stdin, "stdout": stdout})
                        close(stdin)
                        close(stdout)
                        write(input[1], "pear\\napple\\nfig\\n")
                        close(input[1])
                        print(read(output[0]))
                        close(output[0])
                        print(waitpid(pid).code)
                        """);
        assertEquals("apple\nfig\npear\n\n0\n", out);
    }

    @Test
    void runCollectsThreeMegabytesOnEachStreamWithoutDeadlock() {
        String out = run("""
                        let r = run(["sh", "-c", "head -c 3000000 /dev/zero | tr '\\\\0' a; head -c 3000000 /dev/zero | tr '\\\\0' b >&2"])
                        print(r.ok, len(r.stdout), len(r.stderr), r.stdout == replace(r.stdout, "b", ""), r.stderr == replace(r.stderr, "a", ""))
                        # and 3 MB in while 3 MB come out
                        let big = r.stdout
                        let echo = run(["cat"], {"input": big})
                        print(echo.ok, echo.stdout == big)
                        """);
        assertEquals("true 3000000 3000000 true true\ntrue true\n", out);
    }

    @Test
    void timeoutKillsTheWholeProcessGroup() {
        String out = run("""
                        let t = clock()
                        let r = run(["sh", "-c", "sleep 60 & echo $!; sleep 60 & wait"], {"timeout": 0.5})
                        print(r.timed_out, r.signal == SIGKILL, clock() - t < 20)
                        let grandchild = int(trim(r.stdout))
                        # SIGKILL went to the whole group; the grandchild is gone (or a zombie) a moment later
                        let alive = true
                        let n = 0
                        while alive and n < 200 {
                            alive = false
                            try { alive = not contains(read_file("/proc/${grandchild}/stat"), ") Z ") } catch e { }
                            if alive { sleep(0.01) }
                            n += 1
                        }
                        print(alive)
                        """);
        assertEquals("true true true\nfalse\n", out);
    }

    @Test
    void spawnedProgramHasAnEmptySignalMaskAndNothingIgnored() {
        String out = run("""
                        signal(SIGUSR1, fn () { })
                        print(run(["grep", "-E", "SigBlk|SigIgn", "/proc/self/status"]).stdout)
                        signal(SIGUSR1, "default")
                        """);
        assertEquals("SigBlk:\t0000000000000000\nSigIgn:\t0000000000000000\n\n", out);
    }

    @Test
    void runLeavesNoZombies() {
        String out = run("""
                        for i in range(20) { run(["true"]) }
                        run(["sh", "-c", "exit 1"])
                        try { run(["sleep", "10"], {"timeout": 0.1}) } catch e { }
                        try { waitpid(-1, WNOHANG); print("a child is left") } catch e { print(e.errno_name) }
                        """);
        assertEquals("ECHILD\n", out);
    }

    @Test
    void handlerThatThrowsDuringRunStillReapsTheChild() {
        String out = run("""
                        signal(SIGUSR1, fn () { throw "from handler" })
                        try {
                            run(["sh", "-c", "kill -USR1 $PPID; exec sleep 30"])
                        } catch e {
                            print("caught", e)
                        }
                        signal(SIGUSR1, "default")
                        try { waitpid(-1, WNOHANG) } catch e { print(e.errno_name) }
                        """);
        assertEquals("caught from handler\nECHILD\n", out);
    }

    static final List<String> PROCESS_CALLS = List.of(
                    "exec(\"/bin/true\", [\"true\"])", "execp(\"true\", [\"true\"])", "wait()", "waitpid(-1)", "kill(1, 0)",
                    "signal(SIGUSR1, \"default\")", "pipe()", "open(\"/dev/null\", \"r\")", "read(0)", "write(1, \"x\")", "dup(0)",
                    "dup2(0, 0)", "close(0)", "spawn([\"true\"])", "run([\"true\"])", "getenv(\"PATH\")", "setenv(\"A\", \"b\")",
                    "unsetenv(\"A\")", "environ()", "cwd()", "chdir(\"/\")", "setpgid(0, 0)", "getpgrp()", "setsid()");

    @Test
    void withoutProcessRightsEveryProcessBuiltinIsASecurityError() {
        for (boolean nativeAccess : new boolean[]{false, true}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (Context context = builder(out).allowCreateProcess(!nativeAccess).allowNativeAccess(nativeAccess).build()) {
                for (String call : PROCESS_CALLS) {
                    Value kind = context.eval("tine", "let k = null\ntry { " + call + " } catch e { k = e.kind }\nk");
                    assertEquals("SecurityError", kind.toString(), call + " (native access " + nativeAccess + ")");
                }
                // these three stay allowed
                assertTrue(context.eval("tine", "getpid() > 1 and getppid() > 0").asBoolean());
                PolyglotException exit = assertThrows(PolyglotException.class, () -> context.eval("tine", "exit(4)"));
                assertTrue(exit.isExit());
                assertEquals(4, exit.getExitStatus());
            } catch (PolyglotException e) {
                assertTrue(e.isExit(), e.getMessage()); // close() after exit() throws the exit again
            }
        }
    }

    @Test
    void exitEndsTheEvaluationNotTheHost() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Context context = builder(out).build();
        PolyglotException e = assertThrows(PolyglotException.class,
                        () -> context.eval("tine", "print(\"before\")\ntry { exit(42) } finally { print(\"finally\") }\nprint(\"after\")"));
        assertTrue(e.isExit());
        assertEquals(42, e.getExitStatus());
        assertEquals("before\n", out.toString(StandardCharsets.UTF_8));
        assertThrows(PolyglotException.class, context::close);
    }

    @Test
    void execNeedsTheAllowExecOption() {
        String out = run("try { exec(\"/bin/true\", [\"true\"]) } catch e { print(e.kind, e.message) }");
        assertTrue(out.startsWith("SecurityError exec() would replace the host process"), out);

        // allowed: a failing exec reports the errno and leaves this JVM as it was
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (Context context = builder(buf).allowCreateProcess(true).allowNativeAccess(true).option("tine.AllowExec", "true").build()) {
            context.eval("tine", """
                            let p = pipe()
                            try { exec("/nonexistent/program", ["x"]) } catch e { print(e.kind, e.errno_name) }
                            try { execp("tine_no_such_program", ["x"]) } catch e { print(e.kind, e.errno_name) }
                            try { exec("/etc/passwd", ["x"]) } catch e { print(e.kind, e.errno_name) }
                            try { exec("/bin/true", []) } catch e { print(e.kind) }
                            # the fds are as before: the script's pipe is still open, and a child that is passed it sees it
                            let fds = map(lines(run(["ls", "/proc/self/fd"], {"pass_fds": p}).stdout), int)
                            print(contains(fds, p[0]), contains(fds, p[1]))
                            print(run(["grep", "SigBlk", "/proc/self/status"]).stdout)
                            """);
        }
        assertEquals("OSError ENOENT\nOSError ENOENT\nOSError EACCES\nValueError\ntrue true\nSigBlk:\t0000000000000000\n\n",
                        buf.toString(StandardCharsets.UTF_8));
    }

    @Test
    void readAndWriteCrossASignalHandler() {
        String out = run("""
                        let hits = [0]
                        signal(SIGALRM, fn (s) { hits[0] += 1 })
                        let p = pipe()
                        let pid = spawn(["sh", "-c", "sleep 0.2; kill -ALRM $PPID; sleep 0.2; kill -ALRM $PPID; sleep 0.2; echo late"], {"stdout": p[1]})
                        close(p[1])
                        let text = read(p[0])
                        print(text, hits[0])
                        waitpid(pid)
                        signal(SIGALRM, "default")
                        """);
        assertEquals("late\n 2\n", out);
    }

    @Test
    void environmentAndDirectoryAreTheScriptsOwn() {
        String before = System.getenv("PATH");
        String out = run("""
                        setenv("PATH", "/nonexistent")
                        try { run(["ls"]) } catch e { print(e.errno_name) }
                        print(run(["/bin/sh", "-c", "echo $PATH"]).stdout)
                        """);
        assertEquals("ENOENT\n/nonexistent\n\n", out);
        assertEquals(before, System.getenv("PATH"));
        assertFalse(out.contains("Exception"));
    }
}
