package dev.tine.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.io.IOAccess;
import org.junit.jupiter.api.Test;

/**
 * Resource counts under load, as an embedding host sees them: thousands of spawn, run and pipe
 * calls (and a few forks, each a JVM start) leave the process's fds, threads and children where
 * they were; so do many short-lived host threads that each call a blocking built-in.
 */
class ResourceTest {
    private static Context context() {
        return Context.newBuilder("tine").allowCreateProcess(true).allowNativeAccess(true).allowIO(IOAccess.ALL)
                        .option("engine.WarnInterpreterOnly", "false").build();
    }

    private static int fds() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return (int) s.count() - 1; // less the one listing it
        }
    }

    private static int threads() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/task"))) {
            return (int) s.count();
        }
    }

    private static List<String> children() throws IOException {
        List<String> all = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : s.toList()) {
                try {
                    String c = Files.readString(task.resolve("children")).trim();
                    if (!c.isEmpty()) {
                        all.add(c);
                    }
                } catch (IOException gone) {
                    // the thread ended meanwhile
                }
            }
        }
        return all;
    }

    private record Counts(int fds, int threads, List<String> children) {
    }

    private static Counts counts() throws Exception {
        return new Counts(fds(), threads(), children());
    }

    private static void assertUnchanged(Counts before, String what) throws Exception {
        Counts after = counts();
        for (int i = 0; i < 40 && !(after.fds <= before.fds && after.threads <= before.threads && after.children.equals(before.children)); i++) {
            Thread.sleep(50); // threads of finished work that are still ending
            after = counts();
        }
        // fewer is fine: in the whole suite, other tests' threads and fds may end meanwhile
        assertTrue(after.fds <= before.fds, what + ": fds " + before.fds + " -> " + after.fds);
        assertTrue(after.threads <= before.threads, what + ": threads " + before.threads + " -> " + after.threads);
        assertEquals(before.children, after.children, what + ": children");
    }

    @Test
    void spawnRunAndPipeLeaveNothingBehind() throws Exception {
        try (Context context = context()) {
            context.eval("tine", "waitpid(spawn([\"true\"]))\nrun([\"true\"])\nlet p = pipe()\nclose(p[0])\nclose(p[1])");
            Counts before = counts();
            context.eval("tine", """
                            for i in range(1500) {
                                assert(waitpid(spawn(["true"], {"stdout": "null"})).code == 0, "spawn")
                            }
                            for i in range(1000) {
                                let r = run(["cat"], {"input": "x${i}"})
                                assert(r.ok and r.stdout == "x${i}", "run")
                            }
                            for i in range(300) {
                                let r = run([["echo", "a"], ["cat"], ["wc", "-c"]], {"timeout": 10})
                                assert(r.ok, "pipeline")
                            }
                            for i in range(2000) {
                                let p = pipe()
                                write(p[1], "abc")
                                close(p[1])
                                assert(read(p[0]) == "abc", "pipe")
                                close(p[0])
                            }
                            for i in range(20) {
                                let r = run(["sleep", "10"], {"timeout": 0.01})
                                assert(r.timed_out, "timeout")
                            }
                            """);
            assertUnchanged(before, "spawn/run/pipe");
        }
    }

    /** One eventfd leaked per host thread that called a blocking built-in; a pool of short-lived threads leaked without bound. */
    @Test
    void shortLivedHostThreadsLeakNoFds() throws Exception {
        try (Context warm = context()) { // what the first context of the JVM opens for good (libc's binding ...)
            warm.eval("tine", "run([\"true\"])\nsleep(0.001)\nwaitpid(spawn([\"true\"]))");
        }
        Counts before = counts();
        for (int round = 0; round < 4; round++) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(pool.submit(() -> {
                    try (Context context = context()) {
                        context.eval("tine", "run([\"true\"])\nsleep(0.001)\nwaitpid(spawn([\"true\"]))");
                    }
                }));
            }
            for (Future<?> f : calls) {
                f.get();
            }
            pool.shutdown();
            pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        // one context used from many threads in turn, as a server's shared context
        try (Context shared = context()) {
            for (int i = 0; i < 100; i++) {
                Thread t = new Thread(() -> shared.eval("tine", "run([\"true\"])"));
                t.start();
                t.join();
            }
            assertTrue(fds() <= before.fds + 1, "a shared context holds at most its wake-up fd: " + fds() + " vs " + before.fds);
        }
        assertUnchanged(before, "host threads");
    }

    @Test
    void forksLeaveNothingBehind() throws Exception {
        try (Context warm = context()) {
            warm.eval("tine", "run([\"true\"])");
        }
        Counts before = counts();
        try (Context context = context()) {
            context.eval("tine", """
                            for i in range(6) {
                                let pid = fork()
                                if pid == 0 {
                                    exit(7)
                                }
                                let s = waitpid(pid)
                                assert(s.exited and s.code == 7, "fork child ${str(s)}")
                            }
                            """);
        }
        // the warm spare (a child started ahead) ends with the context, not before
        assertUnchanged(before, "fork");
    }
}
