package dev.tine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REPL in a real terminal (tmux), typed at and read back as a person would. */
class ReplIT {
    @TempDir
    Path home;

    /** ./tine in a terminal, with its own HOME (so its own history); the pane shows the exit status after. */
    private Tmux repl() throws Exception {
        String tine = CommandLineIT.ROOT.resolve("tine").toString();
        Tmux t = new Tmux("env HOME='" + home + "' TERM=xterm-256color '" + tine + "'; echo \"[exit $?]\"; sleep 30");
        try {
            t.awaitPrompt(120_000); // the first run after a build also records the AOT cache
            String screen = t.screen();
            assertFalse(screen.contains("WARNING") || screen.contains("Exception") || screen.contains("warning"), screen);
            return t;
        } catch (AssertionError | Exception e) {
            t.close();
            throw e;
        }
    }

    @Test
    void multiLineFunctionValuesAndErrors() throws Exception {
        try (Tmux t = repl()) {
            t.enter("fn add(a, b) {");
            t.await("the continuation prompt", 5000, s -> s.endsWith(Repl.CONTINUATION.stripTrailing()));
            t.enter("return a + b");
            t.enter("}");
            t.awaitPrompt(5000);
            t.enter("add(2, 3)");
            t.await("the value", 5000, s -> s.endsWith("=> 5\n" + Repl.PROMPT.strip()));
            t.enter("[\"x\" + \"y\",");
            t.enter("  'raw', 2.0]");
            t.await("a list", 5000, s -> s.endsWith("=> [\"xy\", \"raw\", 2.0]\n" + Repl.PROMPT.strip()));
            t.enter("\"a string\"");
            t.await("a quoted string", 5000, s -> s.endsWith("=> \"a string\"\n" + Repl.PROMPT.strip()));
            t.enter("let s = \"open");
            t.enter("string\"");
            t.enter("len(s)");
            t.await("a string over two lines", 5000, s -> s.endsWith("=> 11\n" + Repl.PROMPT.strip()));
            t.enter("print(\"out\")");
            t.await("print without a value", 5000, s -> s.endsWith("out\n" + Repl.PROMPT.strip()));
            t.enter("add(1, \"x\")");
            String screen = t.await("the error", 5000, s -> s.contains("error: TypeError: cannot add int and string"));
            assertFalse(screen.contains("Exception") || screen.contains("\tat "), screen);
            t.enter("add(20, 22)");
            t.await("the session going on", 5000, s -> s.endsWith("=> 42\n" + Repl.PROMPT.strip()));
            t.enter(":help");
            t.await("help", 5000, s -> s.contains(":quit"));
            t.enter(":quit");
            t.await("the end", 10_000, s -> s.endsWith("[exit 0]"));
        }
    }

    @Test
    void historyIsRecalledAndKeptAcrossSessions() throws Exception {
        try (Tmux t = repl()) {
            t.enter("let remembered = 41");
            t.awaitPrompt(5000);
            t.enter("remembered + 1");
            t.await("the value", 5000, s -> s.endsWith("=> 42\n" + Repl.PROMPT.strip()));
            t.press("Up", "Up");
            t.await("the first entry again", 5000, s -> s.endsWith(Repl.PROMPT + "let remembered = 41"));
            t.press("C-c"); // the signal arrives asynchronously: wait for the fresh line
            t.await("a cleared line", 5000, s -> s.endsWith(Repl.PROMPT + "let remembered = 41\n" + Repl.PROMPT.strip()));
            t.press("C-d"); // Ctrl-D quits
            t.await("the end", 10_000, s -> s.endsWith("[exit 0]"));
        }
        assertTrue(Files.readString(home.resolve(".tine_history")).contains("remembered + 1"));
        try (Tmux t = repl()) {
            t.press("Up");
            t.await("the last entry of the previous session", 5000, s -> s.endsWith(Repl.PROMPT + "remembered + 1"));
            t.press("Up");
            t.await("the one before", 5000, s -> s.endsWith(Repl.PROMPT + "let remembered = 41"));
            t.press("Enter");
            t.awaitPrompt(5000);
            t.enter("remembered");
            t.await("the value", 5000, s -> s.endsWith("=> 41\n" + Repl.PROMPT.strip()));
            t.enter("exit(3)");
            t.await("the end", 10_000, s -> s.endsWith("[exit 3]"));
        }
    }

    @Test
    void completionOfGlobalsBuiltinsAndKeywords() throws Exception {
        try (Tmux t = repl()) {
            t.enter("let counter_value = 7");
            t.awaitPrompt(5000);
            t.type("counter_v");
            t.press("Tab");
            t.await("the global completed", 5000, s -> s.endsWith(Repl.PROMPT + "counter_value"));
            t.type(" + 1");
            t.press("Enter");
            t.await("its value", 5000, s -> s.endsWith("=> 8\n" + Repl.PROMPT.strip()));
            t.type("star");
            t.press("Tab");
            t.await("the built-in completed", 5000, s -> s.endsWith(Repl.PROMPT + "starts_with"));
            t.type("(\"tine\", \"ti\")");
            t.press("Enter");
            t.await("its value", 5000, s -> s.endsWith("=> true\n" + Repl.PROMPT.strip()));
            t.type("whi");
            t.press("Tab");
            t.type("false { }");
            t.await("the keyword completed", 5000, s -> s.endsWith(Repl.PROMPT + "while false { }"));
            t.press("Enter");
            t.awaitPrompt(5000);
        }
    }

    @Test
    void readLineReadsTheTerminalAndCtrlCStopsIt() throws Exception {
        try (Tmux t = repl()) {
            t.enter("let kept = \"yes\"");
            t.awaitPrompt(5000);
            t.enter("read_line()");
            Thread.sleep(500);
            t.enter("typed at the script");
            t.await("the line read", 5000, s -> s.endsWith("=> \"typed at the script\"\n" + Repl.PROMPT.strip()));
            t.enter("read_line()");
            Thread.sleep(1000);
            t.press("C-c");
            t.await("the prompt after Ctrl-C", 1000, s -> s.endsWith("interrupted\n" + Repl.PROMPT.strip()));
            t.awaitQuiet(500);
            t.enter("kept");
            t.await("the session intact", 5000, s -> s.endsWith("=> \"yes\"\n" + Repl.PROMPT.strip()));
        }
    }

    @Test
    void ctrlCStopsASleepAndClearsALine() throws Exception {
        try (Tmux t = repl()) {
            t.enter("let kept = 1");
            t.awaitPrompt(5000);
            t.enter("sleep(30)");
            Thread.sleep(1000); // well into the sleep
            assertTrue(t.screen().endsWith(Repl.PROMPT + "sleep(30)"), t.screen());
            long start = System.nanoTime();
            t.press("C-c");
            t.await("the prompt after Ctrl-C", 1000, s -> s.endsWith("interrupted\n" + Repl.PROMPT.strip()));
            long took = (System.nanoTime() - start) / 1_000_000;
            assertTrue(took < 1000, "back at the prompt after " + took + " ms");
            t.enter("kept + 1");
            t.await("the session intact", 5000, s -> s.endsWith("=> 2\n" + Repl.PROMPT.strip()));
            // Ctrl-C on a line being edited clears it (checked before any foreground child, whose
            // SIGINT can reach the JVM late under load and print a prompt of its own)
            t.type("abandoned");
            t.await("the typed line", 5000, s -> s.endsWith(Repl.PROMPT + "abandoned"));
            t.press("C-c");
            t.await("a fresh line", 5000, s -> s.endsWith(Repl.PROMPT + "abandoned\n" + Repl.PROMPT.strip()));
            // A program the entry runs in the foreground gets the SIGINT too. It may die and run()
            // return before the JVM's signal thread gets there: then run()'s result shows it.
            t.enter("run([\"sleep\", \"30\"])");
            Thread.sleep(1000);
            start = System.nanoTime();
            t.press("C-c");
            t.await("the prompt after Ctrl-C", 1000, s -> s.endsWith("\n" + Repl.PROMPT.strip())
                            && (s.endsWith("interrupted\n" + Repl.PROMPT.strip()) || s.contains("\"signal\": 2")));
            took = (System.nanoTime() - start) / 1_000_000;
            assertTrue(took < 1000, "back at the prompt after " + took + " ms");
            t.awaitQuiet(1000); // a late SIGINT gives a fresh prompt of its own
            for (int attempt = 1; ; attempt++) { // and, later still, may clear the line being typed
                t.enter("2 + 2");
                try {
                    t.await("the session goes on", 3000, s -> s.endsWith("=> 4\n" + Repl.PROMPT.strip()));
                    break;
                } catch (AssertionError e) {
                    if (attempt == 2) {
                        throw e;
                    }
                }
            }
            assertEquals(Repl.PROMPT.strip(), t.lastLine());
        }
    }
}
