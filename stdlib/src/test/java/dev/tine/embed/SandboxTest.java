package dev.tine.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.io.IOAccess;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import com.oracle.truffle.api.dsl.NodeFactory;

import dev.tine.builtins.Builtin;
import dev.tine.builtins.BuiltinNode;
import dev.tine.builtins.BuiltinProvider;

/**
 * A context that was not allowed to create processes, use native access or do IO gets a
 * SecurityError from every built-in that needs one of them; exit() never ends the host.
 */
class SandboxTest {
    static Context sandbox() {
        return Context.newBuilder("tine").option("engine.WarnInterpreterOnly", "false").build();
    }

    /** The kind of the error a call raises, or "ok". */
    static String kindOf(Context context, String code) {
        try {
            context.eval("tine", code);
            return "ok";
        } catch (PolyglotException e) {
            assertTrue(e.isGuestException() && !e.isInternalError(), code + ": " + e);
            return e.getGuestObject().hasMember("kind") ? e.getGuestObject().getMember("kind").asString() : e.getMessage();
        }
    }

    record Spec(String name, int args) {
    }

    /** Every built-in declared with process = true, found as the runtime finds them. */
    static List<Spec> processBuiltins() {
        List<Spec> specs = new ArrayList<>();
        for (BuiltinProvider provider : ServiceLoader.load(BuiltinProvider.class)) {
            for (NodeFactory<? extends BuiltinNode> factory : provider.factories()) {
                Builtin b = factory.getNodeClass().getAnnotation(Builtin.class);
                if (b != null && b.process()) {
                    int max = b.variadic() ? 0 : factory.getExecutionSignature().size();
                    specs.add(new Spec(b.name(), b.minArgs() < 0 ? max : b.minArgs()));
                }
            }
        }
        return specs;
    }

    @TestFactory
    Stream<DynamicTest> everyProcessBuiltinIsASecurityErrorWithoutPermission() {
        List<Spec> specs = processBuiltins();
        List<String> names = specs.stream().map(Spec::name).toList();
        // the ones LANGUAGE.md lists are all there (the list can only grow)
        for (String expected : List.of("fork", "exec", "execp", "wait", "waitpid", "kill", "signal", "pipe", "open", "read", "write",
                        "dup", "dup2", "close", "spawn", "run", "getenv", "setenv", "unsetenv", "environ", "cwd", "chdir", "setpgid",
                        "getpgrp", "setsid")) {
            assertTrue(names.contains(expected), expected + " is not declared process = true");
        }
        assertFalse(names.contains("exit") || names.contains("getpid") || names.contains("getppid"));
        return specs.stream().map(spec -> DynamicTest.dynamicTest(spec.name(), () -> {
            String args = String.join(", ", java.util.Collections.nCopies(spec.args(), "null"));
            try (Context context = sandbox()) {
                assertEquals("SecurityError", kindOf(context, spec.name() + "(" + args + ")"), spec.name());
                PolyglotException e = assertThrows(PolyglotException.class, () -> context.eval("tine", spec.name() + "(" + args + ")"));
                assertTrue(e.getMessage().contains(spec.name() + "()"), e.getMessage());
            }
        }));
    }

    @Test
    void onlyCreateProcessIsNotEnough() {
        try (Context context = Context.newBuilder("tine").allowCreateProcess(true).option("engine.WarnInterpreterOnly", "false").build()) {
            assertEquals("SecurityError", kindOf(context, "spawn([\"true\"])"));
        }
        try (Context context = Context.newBuilder("tine").allowNativeAccess(true).option("engine.WarnInterpreterOnly", "false").build()) {
            assertEquals("SecurityError", kindOf(context, "getenv(\"HOME\")"));
        }
    }

    @Test
    void fileBuiltinsAreASecurityErrorWithoutIO(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("f.txt");
        Files.writeString(file, "x");
        String p = "\"" + file + "\"";
        try (Context context = sandbox()) {
            assertEquals("SecurityError", kindOf(context, "read_file(" + p + ")"));
            assertEquals("SecurityError", kindOf(context, "write_file(" + p + ", \"y\")"));
            assertEquals("SecurityError", kindOf(context, "exists(" + p + ")"));
            PolyglotException e = assertThrows(PolyglotException.class, () -> context.eval("tine", "read_file(" + p + ")"));
            assertEquals("SecurityError: file access is not allowed in this context", e.getMessage());
        }
        assertEquals("x", Files.readString(file));
        try (Context context = Context.newBuilder("tine").allowIO(IOAccess.ALL).option("engine.WarnInterpreterOnly", "false").build()) {
            assertEquals("x", context.eval("tine", "read_file(" + p + ")").asString());
        }
    }

    @Test
    void whatNeedsNoPermissionStillWorks() {
        try (Context context = sandbox()) {
            assertEquals(ProcessHandle.current().pid(), context.eval("tine", "getpid()").asLong());
            assertEquals(ProcessHandle.current().parent().orElseThrow().pid(), context.eval("tine", "getppid()").asLong());
            assertEquals("[0, 1, 2]", context.eval("tine", "str(range(3))").asString());
        }
    }

    @Test
    void exitEndsTheEvaluationNotTheHost() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        Context context = Context.newBuilder("tine").out(out).option("engine.WarnInterpreterOnly", "false").build();
        PolyglotException e = assertThrows(PolyglotException.class, () -> context.eval("tine", "print(\"a\")\nexit(7)\nprint(\"b\")"));
        assertTrue(e.isExit());
        assertEquals(7, e.getExitStatus());
        assertEquals("a\n", out.toString(java.nio.charset.StandardCharsets.UTF_8));
        PolyglotException closed = assertThrows(PolyglotException.class, context::close);
        assertTrue(closed.isExit());
        try (Context again = sandbox()) {
            PolyglotException zero = assertThrows(PolyglotException.class, () -> again.eval("tine", "exit()"));
            assertTrue(zero.isExit());
            assertEquals(0, zero.getExitStatus());
        } catch (PolyglotException closing) {
            assertTrue(closing.isExit());
        }
    }

    @Test
    void execNeedsTheAllowExecOption() {
        try (Context context = Context.newBuilder("tine").allowCreateProcess(true).allowNativeAccess(true)
                        .option("engine.WarnInterpreterOnly", "false").build()) {
            for (String call : List.of("exec(\"/bin/true\", [\"true\"])", "execp(\"true\", [\"true\"])")) {
                PolyglotException e = assertThrows(PolyglotException.class, () -> context.eval("tine", call));
                assertTrue(e.getMessage().startsWith("SecurityError: ") && e.getMessage().contains("tine.AllowExec=true"), e.getMessage());
            }
            // the rest of the process built-ins work there
            assertEquals(0, context.eval("tine", "run([\"true\"]).code").asInt());
        }
    }
}
