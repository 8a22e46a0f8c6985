package dev.tine.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real pseudo-terminal for tests: a command in a detached tmux session on a private server,
 * driven with send-keys and read with capture-pane, as a person at a terminal would.
 */
final class Tmux implements AutoCloseable {
    private final String socket = "tine-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    /** Starts shellCommand (run by sh) in a 100x30 terminal. */
    Tmux(String shellCommand) throws IOException, InterruptedException {
        tmux("new-session", "-d", "-s", "t", "-x", "100", "-y", "30", shellCommand);
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("tmux " + String.join(" ", args) + ": " + out);
        }
        return out;
    }

    /** Types text literally. */
    void type(String text) throws IOException, InterruptedException {
        tmux("send-keys", "-t", "t", "-l", text);
    }

    /** Presses keys by tmux name: Enter, Up, Tab, C-c, C-d. */
    void press(String... keys) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "t"));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    /** Types a line and presses Enter. */
    void enter(String line) throws IOException, InterruptedException {
        type(line);
        press("Enter");
    }

    /** What the terminal shows, lines without trailing blanks, no blank lines at the end. */
    String screen() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p", "-t", "t").stripTrailing();
    }

    String lastLine() throws IOException, InterruptedException {
        String s = screen();
        return s.substring(s.lastIndexOf('\n') + 1);
    }

    /** Waits until the screen satisfies the condition; returns the screen. */
    String await(String what, long timeoutMillis, Predicate<String> condition) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        String s;
        do {
            s = screen();
            if (condition.test(s)) {
                return s;
            }
            Thread.sleep(30);
        } while (System.nanoTime() < deadline);
        return fail("timed out after " + timeoutMillis + " ms waiting for " + what + "; the screen:\n" + s);
    }

    /** Waits until the screen has not changed for quietMillis (30 s at most); returns it. */
    String awaitQuiet(long quietMillis) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        String last = screen();
        long since = System.nanoTime();
        while (System.nanoTime() < deadline) {
            Thread.sleep(30);
            String now = screen();
            if (!now.equals(last)) {
                last = now;
                since = System.nanoTime();
            } else if (System.nanoTime() - since >= quietMillis * 1_000_000) {
                return now;
            }
        }
        return last;
    }

    /** Waits for the primary prompt on the last line, after `after` (e.g. the output of an entry). */
    String awaitPrompt(long timeoutMillis) throws IOException, InterruptedException {
        return await("the prompt", timeoutMillis, s -> s.endsWith("\n" + Repl.PROMPT.strip()) || s.equals(Repl.PROMPT.strip()));
    }

    /**
     * Ends the session and waits (10 s at most) until its JVMs are gone: a REPL killed by the
     * hang-up may still be saving its history into the test's temporary HOME.
     */
    @Override
    public void close() throws IOException, InterruptedException {
        List<ProcessHandle> running = new ArrayList<>();
        try {
            long pane = Long.parseLong(tmux("display-message", "-p", "-t", "t", "#{pane_pid}").strip());
            ProcessHandle.of(pane).ifPresent(p -> p.descendants()
                            .filter(d -> d.info().command().orElse("").endsWith("/java")).forEach(running::add));
        } catch (IOException | NumberFormatException e) {
            // the session already ended
        }
        try {
            tmux("kill-server");
        } catch (IOException e) {
            // the session already ended, and the server with it
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (ProcessHandle p : running) {
            while (p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
    }
}
