package dev.tine.embed;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.Test;

/**
 * Generated and mutated programs (from the golden scripts) evaluated in one JVM and one engine, each
 * in a fresh context without process rights and under a time limit after which the context is
 * closed with close(true). Fails on an internal error, a host exception, Java text in an error
 * message, an evaluation that close(true) cannot stop, or a crash of the harness itself.
 *
 * The run in ./test is small and has a fixed seed; a larger one:
 * {@code mvn -o test -Dtest=FuzzTest -Dtine.fuzz.count=20000 -Dtine.fuzz.seed=7} (in stdlib/).
 */
class FuzzTest {
    private static final int COUNT = Integer.getInteger("tine.fuzz.count", 4000);
    private static final long SEED = Long.getLong("tine.fuzz.seed", 12);
    private static final long LIMIT_MS = Long.getLong("tine.fuzz.limitMillis", 200);
    /** After close(true), how long an evaluation may take to stop. */
    private static final long STOP_MS = 5_000;

    private static final String[] TOKENS = {"let ", "fn ", "(", ")", "{", "}", "[", "]", ",", ";", "\n", "=", "==", "+", "-", "*", "/",
                    "%", "<", ">=", "not ", " and ", " or ", "if ", "else ", "while ", "for ", " in ", "return ", "break", "continue",
                    "try ", "catch e ", "finally ", "throw ", "null", "true", "false", "0", "1", "-1", "0x", "9999999999999999999999",
                    "1.5e308", "\"", "'", "${", "\\", "\\u{", ".", ":", "x", "xs", "m", "f", "print(", "str(", "len(", "range(",
                    "fork()", "exec(", "spawn([\"true\"])", "sleep(0.01)", "read_file(\"/etc/passwd\")", "error(\"K\", \"m\")",
                    "int(\"", "float(\"", "slice(", "sort(", "join(", "keys(", "\u00e9", "\uD83D\uDE00", "\0", "\r", "#"};

    private static final String[] SNIPPETS = {
        "let a = {}\na.x = a\nlet b = {}\nb.x = b\nprint(a == b, str(a), [a] == [b])",
        "let l = [1]\npush(l, l)\nprint(l, l == l, contains(l, l), sort([3, 1, 2]))",
        "let x = 7\nwhile true { x = x * x }",
        "let s = \"ab\"\nwhile true { s = s + s }",
        "let d = []\nfor i in range(200000) { d = [d] }\nprint(d == d, len(str(d)))",
        "fn f(n) { return f(n + 1) }\nf(0)",
        "let xs = range(100000000)",
        "print(int(\"" + "9".repeat(5000) + "\") % 7)",
        "let m = {}\nfor i in range(100000) { m[i] = [i] }\nprint(len(keys(m)))",
        "print(1 / 0)", "print(-9223372036854775808 / -1, -9223372036854775807 - 2, 2 * 4611686018427387904)",
        "print(float(\"nan\") == float(\"nan\"), 1e308 * 10, int(1e300))",
        "print(slice(\"abc\", -100, 100), split(\"\", \"\"), replace(\"aaa\", \"\", \"b\"))",
    };

    @Test
    void fuzz() throws Exception {
        List<String> seeds = goldenScripts();
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(null, r, "fuzz", 8L << 20));
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
        int limited = 0;
        try (Engine engine = Engine.newBuilder("tine").option("engine.WarnInterpreterOnly", "false").out(OutputStream.nullOutputStream())
                        .err(OutputStream.nullOutputStream()).build()) {
            for (int i = 0; i < COUNT && failures.size() < 20; i++) {
                String program = program(random, seeds);
                Context context = Context.newBuilder("tine").engine(engine).out(OutputStream.nullOutputStream())
                                .err(OutputStream.nullOutputStream()).in(new java.io.ByteArrayInputStream(new byte[0])).build();
                boolean[] closedByLimit = {false};
                ScheduledFuture<?> limit = watchdog.schedule(() -> {
                    closedByLimit[0] = true;
                    context.close(true);
                }, LIMIT_MS, TimeUnit.MILLISECONDS);
                Future<String> outcome = runner.submit(() -> evaluate(context, program));
                String problem;
                try {
                    problem = outcome.get(LIMIT_MS + STOP_MS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    failures.add("close(true) did not stop it:\n" + program);
                    break; // the runner thread is lost to it
                }
                limit.cancel(false);
                limited += closedByLimit[0] ? 1 : 0;
                if (problem != null) {
                    failures.add(problem + "\n--- program " + i + ":\n" + abbreviate(program));
                }
                try {
                    context.close(true);
                } catch (PolyglotException e) {
                    if (!e.isCancelled() && !e.isExit()) {
                        failures.add("close: " + e + "\n--- program " + i + ":\n" + abbreviate(program));
                    }
                }
            }
        } finally {
            watchdog.shutdownNow();
            runner.shutdownNow();
        }
        assertTrue(limited < COUNT, "every program hit the time limit");
        assertTrue(failures.isEmpty(), failures.size() + " failure(s), the first:\n" + (failures.isEmpty() ? "" : failures.get(0)));
    }

    /** null when the outcome is one a script may have: a value, a Tine error, exit, or cancel by the time limit. */
    private static String evaluate(Context context, String program) {
        try {
            context.eval(Source.newBuilder("tine", program, "fuzz.tine").buildLiteral());
            return null;
        } catch (PolyglotException e) {
            if (e.isCancelled() || e.isExit()) {
                return null;
            }
            if (e.isInternalError() || e.isHostException() || !e.isGuestException()) {
                return "internal error: " + e + stack(e);
            }
            String message = String.valueOf(e.getMessage());
            if (message.contains("java.") || message.contains("Exception") || message.contains("Java heap")) {
                return "Java text in the message: " + message;
            }
            if (e.isSyntaxError() && !message.contains("fuzz.tine:")) {
                return "syntax error without file:line:col: " + message;
            }
            return null;
        } catch (IllegalStateException e) {
            return null; // the time limit closed the context before eval entered it
        } catch (Throwable t) {
            return "crash: " + t + stack(t);
        }
    }

    private static String stack(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (StackTraceElement e : t.getStackTrace()) {
            if (sb.length() > 1500) {
                break;
            }
            sb.append("\n  at ").append(e);
        }
        return sb.toString();
    }

    private static String abbreviate(String program) {
        return program.length() <= 2000 ? program : program.substring(0, 2000) + "... (" + program.length() + " chars)";
    }

    private static List<String> goldenScripts() throws IOException {
        try (Stream<Path> files = Files.list(GoldenTest_GOLDEN)) {
            List<String> scripts = new ArrayList<>();
            for (Path p : files.sorted().filter(p -> p.toString().endsWith(".tine")).toList()) {
                scripts.add(Files.readString(p, StandardCharsets.UTF_8));
            }
            assertFalse(scripts.isEmpty());
            return scripts;
        }
    }

    private static final Path GoldenTest_GOLDEN = Path.of("src/test/resources/golden");

    /** A golden script, mutated; two spliced; a hostile snippet; or a random run of tokens. */
    static String program(Random r, List<String> seeds) {
        String base = seeds.get(r.nextInt(seeds.size()));
        int kind = r.nextInt(100);
        if (kind < 8) {
            return base;
        } else if (kind < 70) {
            return mutate(r, base, 1 + r.nextInt(4));
        } else if (kind < 78) {
            String other = seeds.get(r.nextInt(seeds.size()));
            return base.substring(0, r.nextInt(base.length() + 1)) + other.substring(r.nextInt(other.length() + 1));
        } else if (kind < 88) {
            return SNIPPETS[r.nextInt(SNIPPETS.length)];
        } else if (kind < 94) {
            return nested(r);
        }
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(60);
        for (int i = 0; i < n; i++) {
            sb.append(TOKENS[r.nextInt(TOKENS.length)]);
        }
        return sb.toString();
    }

    private static String mutate(Random r, String s, int times) {
        StringBuilder sb = new StringBuilder(s);
        for (int t = 0; t < times; t++) {
            int at = sb.length() == 0 ? 0 : r.nextInt(sb.length());
            int len = Math.min(sb.length() - at, 1 + r.nextInt(12));
            switch (r.nextInt(6)) {
                case 0 -> sb.delete(at, at + len);
                case 1 -> sb.insert(at, TOKENS[r.nextInt(TOKENS.length)]);
                case 2 -> sb.insert(at, sb.substring(at, at + len));
                case 3 -> sb.setLength(at);
                case 4 -> sb.insert(at, TOKENS[r.nextInt(TOKENS.length)].repeat(1 + r.nextInt(3000)));
                default -> {
                    if (len > 0) {
                        sb.setCharAt(at, (char) (32 + r.nextInt(95)));
                    }
                }
            }
        }
        return sb.toString();
    }

    /** Deep or long structures around a small expression: the parser's and the interpreter's limits. */
    private static String nested(Random r) {
        String[][] levels = {{"(", ")"}, {"[", "]"}, {"{\"k\": ", "}"}, {"fn () { return ", " }"}, {"\"${", "}\""}, {"- ", ""},
                        {"not ", ""}, {"1 + ", ""}, {"if true { ", " }"}, {"while false { ", " }"}};
        String[] level = levels[r.nextInt(levels.length)];
        int depth = 1 << r.nextInt(14);
        String prefix = level[0].startsWith("if") || level[0].startsWith("while") ? "" : "let x = ";
        return prefix + level[0].repeat(depth) + "1" + level[1].repeat(depth) + "\nprint(x)";
    }
}
