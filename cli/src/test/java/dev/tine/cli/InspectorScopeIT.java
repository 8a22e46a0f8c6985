package dev.tine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chrome DevTools over `tine --inspect`: at a breakpoint in a function, the scopes show its locals, arguments and the globals with their values. */
class InspectorScopeIT {
    static final String SCRIPT = """
                    let limit = 3
                    let big = 2 * 9223372036854775807
                    fn scale(x, factor) {
                        let scaled = x * factor
                        return scaled + limit
                    }
                    print(scale(5, 2))
                    """;

    @Test
    void breakpointShowsLocalsArgumentsAndGlobals(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("scale.tine");
        Files.writeString(script, SCRIPT);
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
            BlockingQueue<String> messages = new LinkedBlockingQueue<>();
            WebSocket ws = connect(line.substring("Debugger listening on ".length()), messages);
            ws.sendText("{\"id\":1,\"method\":\"Runtime.enable\"}", true).get();
            ws.sendText("{\"id\":2,\"method\":\"Debugger.enable\"}", true).get();
            ws.sendText("{\"id\":3,\"method\":\"Runtime.runIfWaitingForDebugger\"}", true).get();
            ToolsIT.next(messages, "\"method\":\"Debugger.paused\"");
            ws.sendText("{\"id\":4,\"method\":\"Debugger.setBreakpointByUrl\",\"params\":{\"lineNumber\":4,\"url\":\""
                            + script.toUri() + "\",\"columnNumber\":0}}", true).get();
            ToolsIT.next(messages, "\"id\":4");
            ws.sendText("{\"id\":5,\"method\":\"Debugger.resume\"}", true).get();
            String paused = ToolsIT.next(messages, "\"method\":\"Debugger.paused\"");
            assertTrue(paused.contains("\"functionName\":\"scale\""), paused);

            List<String[]> scopes = scopeChain(paused);
            assertTrue(scopes.size() >= 2, paused);
            assertEquals("local", scopes.get(0)[0], paused);
            assertEquals("global", scopes.get(scopes.size() - 1)[0], paused);
            // the function's scope: its local, then its arguments
            assertEquals(Map.of("scaled", "10", "x", "5", "factor", "2"), properties(ws, messages, 10, scopes.get(0)[1]));
            Map<String, String> globals = properties(ws, messages, 11, scopes.get(scopes.size() - 1)[1]);
            assertEquals("3", globals.get("limit"), globals.toString());
            assertEquals("18446744073709551614", globals.get("big"), globals.toString()); // a big int is a number to the tools
            // a function with a source location: DevTools shows its source, as it does for a JS function
            assertTrue(globals.get("scale").startsWith("fn scale(x, factor) {"), globals.toString());
            // DevTools edits a local: the script goes on with the new value
            ws.sendText("{\"id\":12,\"method\":\"Debugger.setVariableValue\",\"params\":{\"scopeNumber\":0,\"variableName\":\"scaled\","
                            + "\"newValue\":{\"value\":20},\"callFrameId\":\"0\"}}", true).get();
            String set = ToolsIT.next(messages, "\"id\":12");
            assertTrue(!set.contains("\"error\""), set);

            ws.sendText("{\"id\":20,\"method\":\"Debugger.resume\"}", true).get();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals("23\n", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            assertEquals(0, p.exitValue());
        } finally {
            p.destroyForcibly();
        }
    }

    /** The top frame's scopes: [type, objectId] each, innermost first. */
    private static List<String[]> scopeChain(String paused) {
        String top = paused.substring(paused.indexOf("\"scopeChain\":["));
        top = top.substring(0, top.indexOf("]"));
        List<String[]> scopes = new ArrayList<>();
        Matcher m = Pattern.compile("\"type\":\"(\\w+)\"[^}]*?\"objectId\":\"([^\"]+)\"").matcher(top);
        while (m.find()) {
            scopes.add(new String[]{m.group(1), m.group(2)});
        }
        return scopes;
    }

    /** Runtime.getProperties of a scope object: name -> the value's description, in order. */
    private static Map<String, String> properties(WebSocket ws, BlockingQueue<String> messages, int id, String objectId) throws Exception {
        ws.sendText("{\"id\":" + id + ",\"method\":\"Runtime.getProperties\",\"params\":{\"objectId\":\"" + objectId + "\",\"ownProperties\":true}}", true).get();
        String reply = ToolsIT.next(messages, "\"id\":" + id);
        Map<String, String> props = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\"name\":\"(\\w+)\",\"value\":\\{\"description\":\"([^\"]*)\"").matcher(reply);
        while (m.find()) {
            props.put(m.group(1), m.group(2));
        }
        return props;
    }

    private static WebSocket connect(String url, BlockingQueue<String> messages) throws Exception {
        return HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), new WebSocket.Listener() {
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
}
