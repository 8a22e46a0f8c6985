package dev.tine.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fork() and exec() from a context embedded in a Java application (here, the test JVM). */
class EmbeddedProcessTest {
    static Context processContext() {
        return Context.newBuilder("tine").allowCreateProcess(true).allowNativeAccess(true).allowIO(IOAccess.ALL)
                        .option("engine.WarnInterpreterOnly", "false").build();
    }

    /**
     * The child is a real process that resumes the rest of the evaluation and exits; it writes
     * to the real fd 1, so it reports through a file. The host function it finds in its copy of
     * the globals says why it cannot be used.
     */
    @Test
    void forkFromAnEmbeddedContext(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("child.txt");
        try (Context context = processContext()) {
            Value bindings = context.getBindings("tine");
            bindings.putMember("report", report.toString());
            bindings.putMember("hostFn", (ProxyExecutable) args -> "host");
            Value status = context.eval("tine", """
                            let before = [1, 2]
                            let where = "parent"
                            let pid = fork()
                            if pid == 0 {
                                where = "child"
                                let said = ""
                                try { hostFn() } catch e { said = e.kind + ": " + e.message }
                                let used = []
                                try { len(hostFn) } catch e { push(used, e.message) }
                                try { hostFn + 1 } catch e { push(used, e.message) }
                                write_file(report, str([where, getppid(), before, said, used]))
                            }
                            let result = null
                            if pid != 0 {
                                result = waitpid(pid)
                                result.where = where
                                result.called = hostFn()
                            }
                            result
                            """);
            assertTrue(status.getMember("exited").asBoolean(), status.toString());
            assertEquals(0, status.getMember("code").asInt());
            assertEquals("parent", status.getMember("where").asString());
            assertEquals("host", status.getMember("called").asString());
        }
        String child = Files.readString(report);
        assertTrue(child.startsWith("[\"child\", " + ProcessHandle.current().pid() + ", [1, 2], \"TypeError: host object "), child);
        assertTrue(child.contains("is not available in a fork() child"), child);
        assertEquals(3, child.split("is not available in a fork\\(\\) child", -1).length - 1, "the call, len() and + say why: " + child);
    }

    private static long spares() {
        return ProcessHandle.current().children().filter(p -> p.info().commandLine().map(c -> c.contains("SpareMain")).orElse(false)).count();
    }

    /** After a full fork child the context keeps a spare, a child of the host process; closing the context ends it. */
    @Test
    void closingTheContextEndsItsSpare() {
        try (Context context = processContext()) {
            assertEquals(3, context.eval("tine", """
                            let pid = fork()
                            if pid == 0 { exit(3) }
                            waitpid(pid).code
                            """).asInt());
            assertEquals(1, spares());
        }
        assertEquals(0, spares());
    }

    @Test
    void execWithAllowExecReplacesTheHostProcess() throws Exception {
        List<String> cmd = List.of(ProcessHandle.current().info().command().orElseThrow(), "--enable-native-access=ALL-UNNAMED",
                        "--sun-misc-unsafe-memory-access=allow", "-Dpolyglot.engine.WarnInterpreterOnly=false",
                        "-cp", System.getProperty("java.class.path"), ExecHost.class.getName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals("before\nreplaced\n", out.toString(StandardCharsets.UTF_8));
        assertEquals(0, p.exitValue());
    }

    /** What a fork child of a context with these rights reports on a pipe: file IO, and exec. */
    private static String childReport(boolean io, boolean allowExec) {
        try (Context context = Context.newBuilder("tine").allowCreateProcess(true).allowNativeAccess(true)
                        .allowIO(io ? IOAccess.ALL : IOAccess.NONE).option("tine.AllowExec", String.valueOf(allowExec))
                        .option("engine.WarnInterpreterOnly", "false").build()) {
            return context.eval("tine", """
                            let p = pipe()
                            let pid = fork()
                            if pid == 0 {
                                let said = []
                                try { read_file("/etc/passwd"); push(said, "read") } catch e { push(said, e.kind) }
                                write(p[1], join(said, " ") + " ")
                                try {
                                    dup2(p[1], 1)
                                    exec("/bin/echo", ["echo", "exec"])
                                } catch e {
                                    write(p[1], e.kind)
                                }
                                exit(0)
                            }
                            close(p[1])
                            let status = waitpid(pid)
                            read(p[0]) + " " + str(status.code)
                            """).asString();
        }
    }

    /** A child has exactly its parent's rights, not more (and not fewer). */
    @Test
    void forkChildKeepsTheParentsRights() {
        assertEquals("SecurityError SecurityError 0", childReport(false, false));
        assertEquals("read exec\n 0", childReport(true, true));
    }
}
