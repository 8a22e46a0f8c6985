package dev.tine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Process built-ins that act on the whole tine process (exec, exit, signals), through the real ./tine. */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang fails the test, not the build
class ProcessIT {
    static CommandLineIT.Result tine(String code) throws Exception {
        return CommandLineIT.tine(null, "-e", code);
    }

    @Test
    void execReplacesTheProcessAfterFlushingOutput() throws Exception {
        CommandLineIT.Result r = tine("print(\"before\"); exec(\"/bin/echo\", [\"echo\", \"replaced\"]); print(\"not reached\")");
        assertEquals(0, r.status(), r.err());
        assertEquals("before\nreplaced\n", r.out());
    }

    @Test
    void execdProgramSeesOnlyStdioAndTheScriptsFds() throws Exception {
        CommandLineIT.Result r = tine("exec(\"/bin/ls\", [\"ls\", \"/proc/self/fd\"])");
        assertEquals("0\n1\n2\n3\n", r.out(), r.err());
        r = tine("let p = pipe(); print(p[0], p[1]); exec(\"/bin/ls\", [\"ls\", \"/proc/self/fd\"])");
        String[] lines = r.out().split("\n");
        TreeSet<Integer> seen = new TreeSet<>();
        for (int i = 1; i < lines.length; i++) {
            seen.add(Integer.parseInt(lines[i]));
        }
        // the pipe takes the lowest numbers free (the runtime's own fds are above 255), ls's directory the next
        assertEquals("3 4", lines[0], r.out());
        TreeSet<Integer> expected = new TreeSet<>(Arrays.asList(0, 1, 2, 3, 4, 5));
        assertEquals(expected, seen, r.out());
    }

    @Test
    void execdProgramHasDefaultSignalsAndAnEmptyMask() throws Exception {
        CommandLineIT.Result r = tine("signal(SIGUSR1, fn () { }); signal(SIGINT, \"ignore\"); "
                        + "exec(\"/bin/grep\", [\"grep\", \"-E\", \"SigBlk|SigIgn\", \"/proc/self/status\"])");
        assertEquals("SigBlk:\t0000000000000000\nSigIgn:\t0000000000000002\n", r.out(), r.err());
    }

    @Test
    void failedExecThrowsAndTheScriptGoesOn() throws Exception {
        CommandLineIT.Result r = tine("""
                        try { execp("tine_no_such_program", ["x"]) } catch e { print(e.kind, e.errno_name) }
                        try { exec("/nonexistent/x", ["x"]) } catch e { print(e.kind, e.errno_name) }
                        try { exec("/etc", ["x"]) } catch e { print(e.kind, e.errno_name) }
                        print(run(["true"]).ok)
                        """);
        assertEquals(0, r.status(), r.err());
        assertEquals("OSError ENOENT\nOSError ENOENT\nOSError EACCES\ntrue\n", r.out());
    }

    @Test
    void execpUsesTheScriptsPathEnvironmentAndDirectory(@TempDir Path dir) throws Exception {
        CommandLineIT.Result r = tine("setenv(\"V\", \"from tine\"); chdir(\"" + dir + "\"); execp(\"sh\", [\"sh\", \"-c\", \"echo $V; pwd\"])");
        assertEquals("from tine\n" + dir.toRealPath() + "\n", r.out(), r.err());
        r = tine("execp(\"sh\", [\"sh\", \"-c\", \"echo [$V] $W\"], {\"W\": \"only\"})");
        assertEquals("[] only\n", r.out(), r.err());
    }

    @Test
    void exitStatusIsTheProcessStatus() throws Exception {
        CommandLineIT.Result r = tine("print(\"x\"); try { exit(5) } finally { print(\"finally\") }");
        assertEquals(5, r.status(), r.err());
        assertEquals("x\n", r.out());
        assertEquals(0, tine("exit()").status());
    }

    @Test
    void setsidAndSetpgidOnTheTineProcess() throws Exception {
        // started by this JVM, tine is not a group leader, so it may start a session
        CommandLineIT.Result r = tine("print(setsid() == getpid(), getpgrp() == getpid())");
        assertEquals("true true\n", r.out(), r.err());
        r = tine("setpgid(0, 0); print(getpgrp() == getpid()); try { setsid() } catch e { print(e.errno_name) }");
        assertEquals("true\nEPERM\n", r.out(), r.err());
    }

    @Test
    void outputIsFlushedBeforeAChildWrites() throws Exception {
        CommandLineIT.Result r = tine("print(\"a\"); waitpid(spawn([\"echo\", \"b\"])); print(\"c\"); run([\"true\"]); write(1, \"d\\n\"); print(\"e\")");
        assertEquals("a\nb\nc\nd\ne\n", r.out(), r.err());
    }

    @Test
    void sigtermKillsTineAsAnyProcessUnlessHandled() throws Exception {
        // tine itself waits for its tine child and reports what killed it
        String tine = CommandLineIT.ROOT.resolve("tine").toString();
        CommandLineIT.Result r = tine("""
                        fn start(code) {
                            let p = pipe()
                            let pid = spawn(["%s", "-e", code], {"stdout": p[1]})
                            close(p[1])
                            return [pid, p[0]]
                        }
                        let c = start("print(\\"up\\"); sleep(60)")
                        print(read(c[1], 3))
                        kill(c[0], SIGTERM)
                        let st = waitpid(c[0])
                        print(st.signaled, st.signal == SIGTERM)
                        c = start("signal(SIGTERM, fn (s) { print(\\"caught\\", s); exit(3) }); print(\\"up\\"); sleep(60)")
                        print(read(c[1], 3))
                        kill(c[0], SIGTERM)
                        st = waitpid(c[0])
                        print(st.exited, st.code, read(c[1]))
                        """.formatted(tine));
        assertEquals("up\n\ntrue true\nup\n\ntrue 3 caught 15\n\n", r.out(), r.err());
    }

    @Test
    void ignoredSigintDoesNotKill() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(CommandLineIT.ROOT.resolve("tine").toString(), "-e",
                        "signal(SIGINT, \"ignore\"); print(\"up\"); sleep(1); print(\"survived\")");
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("up", out.readLine());
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals("survived", out.readLine());
        assertEquals(0, p.exitValue());
    }
}
