package dev.tine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.tine.posix.Posix;

/**
 * A script's process behaves as a POSIX process whatever the JVM wants (LANGUAGE.md): signals
 * sent from outside, with kill(1), to real tine processes.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SignalsIT {
    private static final String[] MATRIX = {"HUP", "INT", "QUIT", "USR1", "USR2", "PIPE", "ALRM", "TERM"};

    /** A tine process started with every signal at SIG_DFL (or those in ignored at SIG_IGN), running code. */
    private static Process start(String code, String ignored) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("env", "--default-signal"));
        if (ignored != null) {
            cmd.add("--ignore-signal=" + ignored);
        }
        cmd.addAll(List.of(CommandLineIT.ROOT.resolve("tine").toString(), "-e", code));
        return new ProcessBuilder(cmd).start();
    }

    private static BufferedReader stdout(Process p) {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    }

    private static void kill(String sig, long pid) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + sig, Long.toString(pid)).start().waitFor());
    }

    private static int number(String sig) throws Exception {
        Process p = new ProcessBuilder("kill", "-l", sig).start();
        return Integer.parseInt(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
    }

    @Test
    void anUnhandledSignalKillsAsItsDefaultActionSays() throws Exception {
        Map<String, Process> running = new LinkedHashMap<>();
        for (String sig : MATRIX) {
            running.put(sig, start("print(\"up\"); sleep(60); print(\"survived\")", null));
        }
        for (var e : running.entrySet()) {
            BufferedReader out = stdout(e.getValue());
            assertEquals("up", out.readLine(), e.getKey());
            kill(e.getKey(), e.getValue().pid());
        }
        for (var e : running.entrySet()) {
            Process p = e.getValue();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), e.getKey());
            assertEquals(128 + number(e.getKey()), p.exitValue(), "killed by SIG" + e.getKey());
            String rest = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals("", rest, "SIG" + e.getKey() + ": nothing more on stdout (no thread dump)");
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertFalse(err.contains("java") || err.contains("Thread"), err);
        }
    }

    @Test
    void everySignalCanBeHandledAlsoAfterIgnoreOrAnInheritedIgnore() throws Exception {
        StringBuilder code = new StringBuilder();
        for (String sig : MATRIX) {
            code.append("signal(SIG").append(sig).append(", \"ignore\")\n");
            code.append("signal(SIG").append(sig).append(", fn (s) { print(\"handled ").append(sig).append("\", s) })\n");
        }
        code.append("print(\"up\")\nlet n = 0\nwhile n < 600 { sleep(0.1); n += 1 }\n");
        Process p = start(code.toString(), "HUP,INT,TERM");
        BufferedReader out = stdout(p);
        assertEquals("up", out.readLine());
        for (String sig : MATRIX) {
            kill(sig, p.pid());
            assertEquals("handled " + sig + " " + number(sig), out.readLine());
        }
        p.destroyForcibly();
        p.waitFor();
    }

    @Test
    void anInheritedIgnoreIsTheScriptsIgnoreAndItsProgramsToo() throws Exception {
        Process p = start("""
                        print(trim(run(["grep", "SigIgn", "/proc/self/status"]).stdout))
                        print("up")
                        sleep(1)
                        signal(SIGHUP, "default")
                        print(trim(run(["grep", "SigIgn", "/proc/self/status"]).stdout))
                        """, "HUP");
        BufferedReader out = stdout(p);
        String hup = Long.toHexString(1L << (number("HUP") - 1));
        assertEquals("SigIgn:\t" + "0".repeat(16 - hup.length()) + hup, out.readLine(), "a started program keeps SIGHUP ignored, as under nohup");
        assertEquals("up", out.readLine());
        kill("HUP", p.pid());
        assertEquals("SigIgn:\t0000000000000000", out.readLine(), "the hangup did nothing; after signal(SIGHUP, \"default\") programs get it at SIG_DFL");
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
    }

    /**
     * SIGTSTP stops the process (its default action, which Tine raises), SIGCONT continues it. The
     * child runs in a group of its own whose parent is in another: a stop signal sent to an
     * orphaned group (as a test runner's may be) is dropped by the kernel.
     */
    @Test
    void aStopSignalStopsAndSigcontGoesOn() throws Exception {
        String tine = CommandLineIT.ROOT.resolve("tine").toString();
        CommandLineIT.Result r = CommandLineIT.tine(null, "-e", """
                        let p = pipe()
                        let child = spawn(["%s", "-e", "print(\\"up\\"); sleep(1.5); print(\\"done\\")"], {"stdout": p[1], "pgroup": 0})
                        close(p[1])
                        print(trim(read(p[0], 3)))
                        kill(child, SIGTSTP)
                        let state = ""
                        let n = 0
                        while state != "T" and n < 250 {
                            sleep(0.02)
                            state = slice(split(read_file("/proc/${child}/stat"), ") ")[1], 0, 1)
                            n += 1
                        }
                        print("stopped:", state == "T")
                        kill(child, SIGCONT)
                        print(trim(read(p[0])), waitpid(child).code)
                        """.formatted(tine));
        assertEquals("up\nstopped: true\ndone 0\n", r.out(), r.err());
    }

    /** `tine s.tine | head -1`: killed by SIGPIPE, silently, as a C program is; unless SIGPIPE is ignored or handled. */
    @Test
    void outputToAGoneReaderEndsTheScriptBySigpipe(@TempDir Path dir) throws Exception {
        String tine = CommandLineIT.ROOT.resolve("tine").toString();
        Files.writeString(dir.resolve("default.tine"), "for i in range(100000) { print(\"line\", i) }\neprint(\"not reached\")\n");
        Files.writeString(dir.resolve("ignore.tine"), "signal(SIGPIPE, \"ignore\")\nfor i in range(100000) { print(\"line\", i) }\neprint(\"went on\")\n");
        Files.writeString(dir.resolve("handler.tine"),
                        "let n = [0]\nsignal(SIGPIPE, fn () { n[0] += 1 })\nfor i in range(100000) { print(\"line\", i) }\neprint(\"handled\", n[0] > 0)\n");
        for (String[] c : new String[][]{{"default", "141", ""}, {"ignore", "0", "went on\n"}, {"handler", "0", "handled true\n"}}) {
            Process p = new ProcessBuilder("env", "--default-signal", "bash", "-c", "'" + tine + "' " + c[0] + ".tine | head -1; echo \"${PIPESTATUS[0]}\"")
                            .directory(dir.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            assertEquals("line 0\n" + c[1] + "\n", out, c[0]);
            assertEquals(c[2], err, c[0]);
        }
    }

    /** ./tine blocks the signals that the runtime expects held: the same set (Posix.heldSignals) in the launcher and in Java. */
    @Test
    void theLauncherHoldsExactlyTheSignalsTheRuntimeReads() throws Exception {
        long mask = 0;
        for (int sig : Posix.heldSignals()) {
            mask |= 1L << (sig - 1);
        }
        CommandLineIT.Result r = CommandLineIT.tine(null, "-e", "print(filter(lines(read_file(\"/proc/self/status\")), fn (l) { return starts_with(l, \"SigBlk\") })[0])");
        String hex = Long.toHexString(mask);
        assertEquals("SigBlk:\t" + "0".repeat(16 - hex.length()) + hex + "\n", r.out(), r.err());
    }
}
