package dev.tine.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A DevTools client of `tine --inspect SCRIPT`, as Chrome is: the real command, the inspector's
 * WebSocket, Runtime and Debugger enabled and the script let go (it pauses at its first statement).
 */
final class DevToolsSession implements AutoCloseable {
    final Process process;
    private final WebSocket ws;
    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

    private DevToolsSession(Process process, String url) throws Exception {
        this.process = process;
        this.ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    messages.add(partial.toString());
                    partial.setLength(0);
                }
                socket.request(1);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
    }

    static DevToolsSession start(Path script) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process p = new ProcessBuilder(List.of(CommandLineIT.ROOT.resolve("tine").toString(), "--inspect=127.0.0.1:" + port, script.toString()))
                        .start();
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
            String line = err.readLine();
            assertTrue(line != null && line.startsWith("Debugger listening on ws://127.0.0.1:" + port + "/"), String.valueOf(line));
            DevToolsSession session = new DevToolsSession(p, line.substring("Debugger listening on ".length()));
            session.send("{\"id\":1,\"method\":\"Runtime.enable\"}");
            session.send("{\"id\":2,\"method\":\"Debugger.enable\"}");
            session.send("{\"id\":3,\"method\":\"Runtime.runIfWaitingForDebugger\"}");
            return session;
        } catch (Exception | AssertionError e) {
            p.destroyForcibly();
            throw e;
        }
    }

    void send(String json) throws Exception {
        ws.sendText(json, true).get();
    }

    /** The next message that contains {@code containing} (others are skipped), within 30 s. */
    String next(String containing) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String m = messages.poll(1, TimeUnit.SECONDS);
            if (m != null && m.contains(containing)) {
                return m;
            }
        }
        throw new AssertionError("no message with " + containing);
    }

    /** The script's output once it has ended; its exit status is in process. */
    String output() throws Exception {
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
