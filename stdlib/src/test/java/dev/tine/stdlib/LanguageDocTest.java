package dev.tine.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.graalvm.polyglot.Context;
import org.junit.jupiter.api.Test;

import com.oracle.truffle.api.dsl.NodeFactory;

import dev.tine.TineLanguage;
import dev.tine.builtins.Builtin;
import dev.tine.builtins.BuiltinNode;
import dev.tine.builtins.BuiltinProvider;

/**
 * Every built-in the runtime registers is documented in docs/language.md: a function as a heading
 * that starts with (or lists) its call form in backticks, "#### `name(...)`", a constant as a
 * table row "| `NAME` | ...". The names come from where TineLanguage finds them: the
 * BuiltinProviders (their @Builtin factories and constants) and the prelude's globals.
 */
class LanguageDocTest {
    static final Path DOC = Path.of("../docs/language.md");

    /** A call form in backticks inside a heading: `name(`. */
    private static final Pattern CALL_FORM = Pattern.compile("`([A-Za-z_][A-Za-z0-9_]*)\\(");
    private static final Pattern HEADING = Pattern.compile("^#{2,6}\\s+(.*)$");
    private static final Pattern CONSTANT_ROW = Pattern.compile("^\\|\\s*`([A-Za-z_][A-Za-z0-9_]*)`\\s*\\|");
    /** A top-level declaration of the prelude: each becomes a built-in (TineContext.installPrelude). */
    private static final Pattern PRELUDE_GLOBAL = Pattern.compile("(?m)^(?:fn|let)\\s+([A-Za-z_][A-Za-z0-9_]*)");

    record Registry(Set<String> functions, Set<String> constants) {
    }

    /** The built-ins as the language finds them, without test-only providers (this module's test classes). */
    static Registry registry() throws IOException {
        Set<String> functions = new TreeSet<>();
        Set<String> constants = new TreeSet<>();
        CodeSource testClasses = LanguageDocTest.class.getProtectionDomain().getCodeSource();
        for (BuiltinProvider provider : ServiceLoader.load(BuiltinProvider.class, TineLanguage.class.getClassLoader())) {
            if (testClasses != null && testClasses.equals(provider.getClass().getProtectionDomain().getCodeSource())) {
                continue; // e.g. dev.tine.fork.CheckpointBuiltins, registered for tests only
            }
            for (NodeFactory<? extends BuiltinNode> factory : provider.factories()) {
                Builtin b = factory.getNodeClass().getAnnotation(Builtin.class);
                assertTrue(b != null, "built-in without @Builtin: " + factory.getNodeClass());
                functions.add(b.name());
            }
            constants.addAll(provider.constants().keySet());
        }
        try (InputStream in = TineLanguage.class.getResourceAsStream("prelude.tine")) {
            assertTrue(in != null, "no prelude.tine next to TineLanguage");
            Matcher m = PRELUDE_GLOBAL.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            while (m.find()) {
                functions.add(m.group(1));
            }
        }
        return new Registry(functions, constants);
    }

    record Documented(Set<String> functions, Set<String> constants) {
    }

    static Documented documented() throws IOException {
        assertTrue(Files.exists(DOC), "missing " + DOC.toAbsolutePath());
        Set<String> functions = new TreeSet<>();
        Set<String> constants = new TreeSet<>();
        for (String line : Files.readAllLines(DOC, StandardCharsets.UTF_8)) {
            Matcher h = HEADING.matcher(line);
            if (h.matches()) {
                Matcher call = CALL_FORM.matcher(h.group(1));
                while (call.find()) {
                    functions.add(call.group(1));
                }
            }
            Matcher row = CONSTANT_ROW.matcher(line);
            if (row.find()) {
                constants.add(row.group(1));
            }
        }
        return new Documented(functions, constants);
    }

    @Test
    void everyRegisteredBuiltinIsDocumented() throws IOException {
        Registry registry = registry();
        Documented doc = documented();
        List<String> missing = new ArrayList<>();
        for (String name : registry.functions()) {
            if (!doc.functions().contains(name)) {
                missing.add(name + "() (a heading like #### `" + name + "(...)`)");
            }
        }
        for (String name : registry.constants()) {
            if (!doc.constants().contains(name)) {
                missing.add(name + " (a table row like | `" + name + "` | ...)");
            }
        }
        assertTrue(missing.isEmpty(), "built-ins not documented in " + DOC + ": " + missing);
    }

    /** The names above are what a script sees: each one is a built-in of a fresh context. */
    @Test
    void theRegistryIsWhatScriptsSee() throws IOException {
        Registry registry = registry();
        assertFalse(registry.functions().isEmpty());
        // the ones LANGUAGE.md lists by way of the prelude and the constants, so the scan cannot come back empty-handed
        assertTrue(registry.functions().containsAll(List.of("map", "filter", "sort", "print", "spawn", "fork")), registry.functions().toString());
        assertTrue(registry.constants().containsAll(List.of("SIGTERM", "WNOHANG")), registry.constants().toString());
        try (Context context = Context.newBuilder("tine").option("engine.WarnInterpreterOnly", "false").build()) {
            for (String name : registry.functions()) {
                assertEquals("function", context.eval("tine", "type(" + name + ")").asString(), name);
            }
            for (String name : registry.constants()) {
                assertFalse(context.eval("tine", "type(" + name + ")").asString().equals("function"), name + " is a function, not a constant");
            }
        }
    }
}
