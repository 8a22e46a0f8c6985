package dev.tine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** fork() through the real ./tine where a golden script cannot reach: arguments, limits. */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ForkIT {
    /**
     * fork_exec.tine (golden-process, where its output is checked on all three paths): which of its
     * forks take the fast path, and why the others need a full child.
     */
    @Test
    void aChildThatOnlySetsUpAndExecsIsSpawned() throws Exception {
        Path golden = ProcessGoldenIT.GOLDEN;
        CommandLineIT.Result r = CommandLineIT.tineIn(golden, "", "--tine.TraceFork", "fork_exec.tine");
        assertEquals(Files.readString(golden.resolve("fork_exec.out")), r.out(), r.err());
        List<String> trace = r.err().lines().filter(l -> l.startsWith("[tine] fork()")).toList();
        assertEquals(13, trace.size(), r.err());
        assertEquals(12, trace.stream().filter(l -> l.endsWith(": started with posix_spawn")).count(), r.err());
        assertTrue(trace.stream().anyMatch(l -> l.endsWith("a full child (fresh): its exec of /no/such/program would fail (ENOENT)")), r.err());
    }

    /**
     * A child that runs long before it execs, or installs a handler, is a full child; one that
     * changes the parent's data is spawned, and the parent sees no change.
     */
    @Test
    void aChildThatDoesMoreIsAFullChild(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("more.tine");
        Files.writeString(script, """
                        let m = {"k": 1}
                        let pid = fork()
                        if pid == 0 {
                            let n = 0
                            while n < 20000 { n += 1 }
                            exec("/bin/sh", ["sh", "-c", "exit 4"])
                        }
                        print(waitpid(pid).code)
                        pid = fork()
                        if pid == 0 {
                            m.k = 2
                            exec("/bin/sh", ["sh", "-c", "exit 5"])
                        }
                        print(waitpid(pid).code, m)
                        pid = fork()
                        if pid == 0 {
                            signal(SIGTERM, fn() { print("handled") })
                            exec("/bin/sh", ["sh", "-c", "kill $$"])
                        }
                        print(waitpid(pid).signal == SIGTERM)
                        """);
        CommandLineIT.Result r = CommandLineIT.tine(null, "--tine.TraceFork", script.toString());
        assertEquals("4\n5 {\"k\": 1}\ntrue\n", r.out(), r.err());
        List<String> trace = r.err().lines().filter(l -> l.startsWith("[tine] fork()")).toList();
        assertEquals(List.of("a full child (fresh): the child's code runs more than 10000 loop iterations and calls",
                        "the child execs /bin/sh: started with posix_spawn",
                        "a full child (the spare): the child's code calls signal() with a handler before exec"),
                        trace.stream().map(l -> l.substring(l.indexOf(": ") + 2)).toList(), r.err());
    }

    /** Tine code: the pids, one a line, of the children of the script's process that are fork spares (from /proc). */
    private static final String SPARES = "trim(run([\"sh\", \"-c\", \"for p in $(cat /proc/$PPID/task/*/children); do "
                    + "tr '\\\\0' ' ' < /proc/$p/cmdline | grep -q SpareMain && [ $p != $$ ] && echo $p; done\"]).stdout)";

    /** The start of a script: a full child (fresh), so that from here on a spare waits (it starts 25 ms after that fork(), Spare.BOOT_DELAY_MS). */
    private static final String A_SPARE_WAITS = """
                    let pid = fork()
                    if pid == 0 { exit(0) }
                    waitpid(pid)
                    sleep(0.1)
                    """;

    /**
     * After the first full child a spare waits, a child of the script's process, but wait() and
     * waitpid(-1) do not see it: with no other child they fail with ECHILD, as before; the next
     * fork() child is the spare, and wait() returns it.
     */
    @Test
    void theSpareIsNoChildOfTheScripts(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("spare.tine");
        Files.writeString(script, """
                        let pid = fork()
                        if pid == 0 { print("child 1"); exit(1) }
                        print("waited", waitpid(pid).code)
                        sleep(0.1)
                        print("spares:", len(split(%s, "\\n")))
                        try { wait() } catch e { print("wait:", e.errno_name) }
                        try { waitpid(-1, WNOHANG) } catch e { print("waitpid:", e.errno_name) }
                        pid = fork()
                        if pid == 0 { print("child 2", getppid() > 1); exit(2) }
                        let w = wait()
                        print("wait() got the child:", w.pid == pid, w.code)
                        try { wait() } catch e { print("wait:", e.errno_name) }
                        """.formatted(SPARES));
        CommandLineIT.Result r = CommandLineIT.tine(null, "--tine.TraceFork", script.toString());
        assertEquals("child 1\nwaited 1\nspares: 1\nwait: ECHILD\nwaitpid: ECHILD\nchild 2 true\nwait() got the child: true 2\nwait: ECHILD\n", r.out(), r.err());
        assertTrue(r.err().contains("a full child (the spare): the child's code calls print()"), r.err());
    }

    /**
     * What the parent changed after its spare had started, the spare's child has: cwd (for
     * relative paths too), environment, ignored signals, process group; after setsid() the spare
     * cannot join the parent's group, and a fresh child is started instead.
     */
    @Test
    void theSparesChildHasTheParentsStateAtFork(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("here.txt"), "found here");
        Path script = dir.resolve("state.tine");
        Files.writeString(script, "let group = getpgrp()\n" + A_SPARE_WAITS + """
                        chdir(args()[0])
                        setenv("SPARE_TEST", "set after")
                        signal(SIGUSR1, "ignore")
                        pid = fork()
                        if pid == 0 {
                            print(cwd() == args()[0], read_file("here.txt"), getenv("SPARE_TEST"), getpgrp() == group)
                            kill(getpid(), SIGUSR1)
                            print("ignored SIGUSR1")
                            exit(3)
                        }
                        print("exited", waitpid(pid).code)
                        setsid()
                        group = getpgrp()
                        pid = fork()
                        if pid == 0 { print("after setsid, same group:", getpgrp() == group); exit(4) }
                        print("exited", waitpid(pid).code)
                        """);
        CommandLineIT.Result r = CommandLineIT.tine(null, "--tine.TraceFork", script.toString(), dir.toRealPath().toString());
        assertEquals("true found here set after true\nignored SIGUSR1\nexited 3\nafter setsid, same group: true\nexited 4\n", r.out(), r.err());
        List<String> trace = r.err().lines().filter(l -> l.startsWith("[tine] fork()")).map(l -> l.substring(l.indexOf(": ") + 2)).toList();
        assertEquals(List.of("a full child (fresh): the child's code calls exit()", "a full child (the spare): the child's code calls read_file()",
                        "a full child (fresh): the child's code calls print()"), trace, r.err());
    }

    /**
     * A spare killed while it waits (a signal to it meets its default action) is no child of the
     * script's either: wait() does not return it, and the next fork() starts a fresh child.
     */
    @Test
    void aKilledSpareGivesWayToAFreshChild(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("killed.tine");
        Files.writeString(script, A_SPARE_WAITS + """
                        kill(int(%s), SIGTERM)
                        sleep(0.5)
                        try { wait() } catch e { print("wait:", e.errno_name) }
                        pid = fork()
                        if pid == 0 { print("a child all the same"); exit(5) }
                        print("exited", waitpid(pid).code)
                        """.formatted(SPARES));
        CommandLineIT.Result r = CommandLineIT.tine(null, "--tine.TraceFork", script.toString());
        assertEquals("wait: ECHILD\na child all the same\nexited 5\n", r.out(), r.err());
        assertTrue(r.err().contains("fork() at " + script + ":8: a full child (fresh)"), r.err());
    }

    /** The spare dies with its parent, and a program the script execs does not find it among its children. */
    @Test
    void theSpareEndsWithItsParentAndBeforeExec(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("end.tine");
        Files.writeString(script, A_SPARE_WAITS + """
                        print("spares:", %s != "")
                        exec("/bin/sh", ["sh", "-c", "read -r c < /proc/$$/task/$$/children; echo children: $c"])
                        """.formatted(SPARES));
        CommandLineIT.Result r = CommandLineIT.tine(null, script.toString());
        assertEquals("spares: true\nchildren:\n", r.out(), r.err());
        Files.writeString(script, A_SPARE_WAITS + """
                        print(%s)
                        """.formatted(SPARES));
        r = CommandLineIT.tine(null, script.toString());
        java.util.Optional<ProcessHandle> spare = ProcessHandle.of(Long.parseLong(r.out().strip()));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (spare.isPresent() && spare.get().isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(spare.isPresent() && spare.get().isAlive(), "the spare outlived its parent");
    }

    /**
     * A spare gets the parent's last snapshot to decode ahead when it fits in one message (128 KB),
     * else its sources alone to translate ahead, else nothing: each way, the next child is the
     * spare, with the parent's state of now.
     */
    @Test
    void aSpareServesWhateverTheSizeOfTheLastSnapshot(@TempDir Path dir) throws Exception {
        String forkAgain = """
                        s = s + "!"
                        pid = fork()
                        if pid == 0 { print(len(s), slice(s, -2)); exit(0) }
                        waitpid(pid)
                        """;
        Path bigValue = dir.resolve("value.tine");
        Files.writeString(bigValue, "let s = \"x\"\nwhile len(s) < 200000 { s = s + s }\n" + A_SPARE_WAITS + forkAgain);
        Path bigSource = dir.resolve("source.tine");
        Files.writeString(bigSource, "# " + "long comment ".repeat(11_000) + "\nlet s = \"x\"\n" + A_SPARE_WAITS + forkAgain);
        for (Path script : List.of(bigValue, bigSource)) {
            CommandLineIT.Result r = CommandLineIT.tine(null, "--tine.TraceFork", script.toString());
            assertEquals(script == bigValue ? "262145 x!\n" : "2 x!\n", r.out(), r.err());
            assertTrue(r.err().contains("a full child (the spare): the child's code calls print()"), r.err());
        }
    }

    @Test
    void everyGenerationSeesTheScriptsArguments(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("gen.tine");
        Files.writeString(script, """
                        let pid = fork()
                        if pid == 0 {
                            let p2 = fork()
                            if p2 == 0 { print("grandchild", args()); exit(0) }
                            waitpid(p2)
                            print("child", args())
                            exit(0)
                        }
                        waitpid(pid)
                        print("parent", args())
                        """);
        CommandLineIT.Result r = CommandLineIT.tine(null, script.toString(), "a", "b c");
        assertEquals("grandchild [\"a\", \"b c\"]\nchild [\"a\", \"b c\"]\nparent [\"a\", \"b c\"]\n", r.out(), r.err());
    }

    /**
     * With every fd taken, fork() is a catchable OSError (EMFILE) that leaves nothing behind: the
     * fds it freed are all free again, no child was started; with fds to spare it works again.
     * Fresh children only: a spare holds an fd of the parent's from 25 ms after a fork() on, so
     * with spares the count would depend on when the script counts.
     */
    @Test
    void forkAtTheFdLimitIsAnOSErrorAndLeaksNothing(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("limit.tine");
        Files.writeString(script, """
                        # once, before counting: the runtime's first fork opens what it keeps (/dev/urandom ...)
                        let first = fork()
                        if first == 0 { exit(0) }
                        waitpid(first)
                        let fds = []
                        fn fill() {
                            let n = 0
                            while true {
                                try { push(fds, open("/dev/null", "r")) } catch e { return n }
                                n += 1
                            }
                        }
                        fn free(n) { for i in range(n) { close(pop(fds)) } }
                        fill()
                        try { fork(); print("forked") } catch e { print("fork:", e.kind, e.errno_name) }
                        free(2) # the snapshot's memfd fits, the ready pipe does not
                        try { fork(); print("forked") } catch e { print("fork:", e.kind, e.errno_name) }
                        print("free again after the failures:", fill())
                        try { waitpid(-1, WNOHANG) } catch e { print("no child:", e.errno_name) }
                        free(150)
                        let pid = fork()
                        if pid == 0 { exit(7) }
                        print("child exited", waitpid(pid).code)
                        print("free again after a fork:", fill())
                        """);
        CommandLineIT.Result r = CommandLineIT.run(null, "sh", "-c", "ulimit -n 400 && exec \"$0\" --tine.ForkPath=fresh \"$1\"",
                        CommandLineIT.ROOT.resolve("tine").toString(), script.toString());
        assertEquals("fork: OSError EMFILE\nfork: OSError EMFILE\nfree again after the failures: 2\nno child: ECHILD\n"
                        + "child exited 7\nfree again after a fork: 150\n", r.out(), r.err());
        assertEquals(0, r.status(), r.err());
    }

    /**
     * Runs a script that forks, sends the signal to the child as soon as it exists (its JVM is
     * still starting: the parent's fork() has not returned yet), and returns what the script printed.
     */
    private static String signalChildDuringStartUp(Path dir, String script, String signal) throws Exception {
        Path file = dir.resolve("startup.tine");
        Files.writeString(file, script);
        Process tine = new ProcessBuilder(CommandLineIT.ROOT.resolve("tine").toString(), file.toString()).redirectErrorStream(true).start();
        java.util.Optional<ProcessHandle> child = java.util.Optional.empty();
        while (child.isEmpty() && tine.isAlive()) {
            child = tine.toHandle().children() // not the launcher's own helpers: the fork child
                            .filter(p -> p.info().commandLine().map(c -> c.contains("ForkChildMain")).orElse(false)).findFirst();
            Thread.sleep(1);
        }
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, String.valueOf(child.orElseThrow().pid())).start().waitFor());
        String out = new String(tine.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, tine.waitFor(), out);
        return out;
    }

    /**
     * A signal sent to a child that is still starting waits until the child has its parent's
     * handlers, and then runs the handler, as in a POSIX child; it used to kill the child at once.
     */
    @Test
    void aSignalDuringTheChildsStartUpMeetsTheInheritedHandler(@TempDir Path dir) throws Exception {
        assertEquals("child handled true\nchild exited 0\n", signalChildDuringStartUp(dir, """
                        let got = null
                        signal(SIGUSR1, fn (s) { got = s })
                        let pid = fork()
                        if pid == 0 {
                            while got == null { sleep(0.01) }
                            print("child handled", got == SIGUSR1)
                            exit(0)
                        }
                        print("child exited", waitpid(pid).code)
                        """, "USR1"));
    }

    /** SIGTERM during the start-up kills the child by the signal, not through a Java shutdown (status 143). */
    @Test
    void sigtermDuringTheChildsStartUpKillsItByTheSignal(@TempDir Path dir) throws Exception {
        assertEquals("true 15 null\n", signalChildDuringStartUp(dir, """
                        let pid = fork()
                        if pid == 0 { sleep(10); exit(0) }
                        let st = waitpid(pid)
                        print(st.signaled, st.signal, st.code)
                        """, "TERM"));
    }

    /** A child of `tine --jit` runs on the optimizing runtime too: its JVM has the parent's flags. */
    @Test
    void aJitParentHasJitChildren(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("jit.tine");
        Files.writeString(script, """
                        fn jit() { return contains(read_file("/proc/self/cmdline"), "EnableJVMCI") }
                        let pid = fork()
                        if pid == 0 { print("child jit:", jit()); exit(0) }
                        waitpid(pid)
                        print("parent jit:", jit())
                        """);
        assertEquals("child jit: true\nparent jit: true\n", CommandLineIT.tine(null, "--jit", script.toString()).out());
        assertEquals("child jit: false\nparent jit: false\n", CommandLineIT.tine(null, script.toString()).out());
    }

    /**
     * The parent and its child map jffi's native library from the build, one copy on disk for
     * all; each used to extract a private copy into /tmp.
     */
    @Test
    void everyProcessMapsTheSameNativeLibrary(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("maps.tine");
        Files.writeString(script, """
                        fn jffi() {
                            let lines = filter(split(read_file("/proc/self/maps"), "\\n"), fn (l) { return contains(l, "jffi") })
                            return [len(lines) > 0, len(filter(lines, fn (l) { return contains(l, "/cli/target/dist/native/") })) == len(lines)]
                        }
                        let pid = fork()
                        if pid == 0 { print("child:", jffi()); exit(0) }
                        waitpid(pid)
                        print("parent:", jffi())
                        """);
        assertEquals("child: [true, true]\nparent: [true, true]\n", CommandLineIT.tine(null, script.toString()).out());
    }

    /** A signal handler that throws while fork() waits for the child: the error goes on, and no child is left. */
    @Test
    void anErrorDuringForksWaitLeavesNoChild(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("throw.tine");
        Files.writeString(script, """
                        let me = getpid()
                        signal(SIGUSR1, fn () { throw "interrupted" })
                        spawn(["sh", "-c", "sleep 0.05; kill -USR1 " + str(me)])
                        try {
                            if fork() == 0 { print("child ran"); exit(0) }
                            print("forked")
                        } catch e {
                            print("fork() ended with", e)
                        }
                        sleep(0.5)
                        let left = run(["sh", "-c", "ps -o args= --ppid " + str(me) + " | grep -c '^[^ ]*java.*ForkChild[M]ain'"])
                        print("children left:", trim(left.stdout))
                        """);
        CommandLineIT.Result r = CommandLineIT.tine(null, script.toString());
        assertEquals("fork() ended with interrupted\nchildren left: 0\n", r.out(), r.err());
    }

    /** The child has its parent's handlers for every signal it can hold, SIGUSR2 included. */
    @Test
    void aChildKeepsItsParentsSigusr2Handler(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("usr2.tine");
        Files.writeString(script, """
                        let got = null
                        signal(SIGUSR2, fn (s) { got = s })
                        let pid = fork()
                        if pid == 0 {
                            kill(getpid(), SIGUSR2)
                            while got == null { sleep(0.01) }
                            print("child handled", got == SIGUSR2)
                            exit(0)
                        }
                        print("child exited", waitpid(pid).code)
                        """);
        assertEquals("child handled true\nchild exited 0\n", CommandLineIT.tine(null, script.toString()).out());
    }

    /** A line that ended at \r just as the parent's read ended: the child, too, skips the \n that follows. */
    @Test
    void stdinReadAheadCarriesAPendingLineEnd(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("cr.tine");
        Files.writeString(script, """
                        print("parent read", read_line())
                        let pid = fork()
                        if pid == 0 { print("child read", read_line()); exit(0) }
                        waitpid(pid)
                        """);
        CommandLineIT.Result r = CommandLineIT.run(null, "sh", "-c", "(printf 'a\\r'; sleep 1; printf '\\nb\\n') | \"$0\" \"$1\"",
                        CommandLineIT.ROOT.resolve("tine").toString(), script.toString());
        assertEquals("parent read a\nchild read b\n", r.out(), r.err());
    }

    /** An error that a fork child carries on with out of a `finally` is reported where it was raised, as in the parent. */
    @Test
    void anErrorResumedAfterFinallyKeepsItsPlace(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("place.tine");
        Files.writeString(script, """
                        fn f() {
                            try {
                                let x = 1 / 0
                            } finally {
                                let pid = fork()
                                if pid != 0 { waitpid(pid) }
                            }
                        }
                        f()
                        """);
        CommandLineIT.Result r = CommandLineIT.tine(null, script.toString());
        String place = "  at f (" + script + ":3:17)\n";
        assertEquals(1, r.status());
        assertEquals("error: ArithmeticError: division by zero\n" + place + "  at <main> (" + script + ":9:1)\n", r.err().substring(r.err().length() / 2));
        assertEquals(r.err().substring(0, r.err().length() / 2), r.err().substring(r.err().length() / 2), r.err());
    }

    /** A script may set JAVA_TOOL_OPTIONS for the programs it runs: its fork children's JVMs are not changed by it. */
    @Test
    void theScriptsJavaOptionsDoNotReachTheChildsJvm(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("jto.tine");
        Files.writeString(script, """
                        setenv("JAVA_TOOL_OPTIONS", "-XX:+NoSuchOption")
                        let pid = fork()
                        if pid == 0 {
                            print("child sees", getenv("JAVA_TOOL_OPTIONS"), trim(run(["sh", "-c", "echo $JAVA_TOOL_OPTIONS"]).stdout))
                            exit(0)
                        }
                        print("child exited", waitpid(pid).code)
                        """);
        CommandLineIT.Result r = CommandLineIT.tine(null, script.toString());
        assertEquals("child sees -XX:+NoSuchOption -XX:+NoSuchOption\nchild exited 0\n", r.out(), r.err());
        assertEquals("", r.err());
    }
}
