package dev.tine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        try (DevToolsSession devTools = DevToolsSession.start(script)) {
            devTools.next("\"method\":\"Debugger.paused\"");
            devTools.send("{\"id\":4,\"method\":\"Debugger.setBreakpointByUrl\",\"params\":{\"lineNumber\":4,\"url\":\""
                            + script.toUri() + "\",\"columnNumber\":0}}");
            devTools.next("\"id\":4");
            devTools.send("{\"id\":5,\"method\":\"Debugger.resume\"}");
            String paused = devTools.next("\"method\":\"Debugger.paused\"");
            assertTrue(paused.contains("\"functionName\":\"scale\""), paused);

            List<String[]> scopes = scopeChain(paused);
            assertTrue(scopes.size() >= 2, paused);
            assertEquals("local", scopes.get(0)[0], paused);
            assertEquals("global", scopes.get(scopes.size() - 1)[0], paused);
            // the function's scope: its local, then its arguments
            assertEquals(Map.of("scaled", "10", "x", "5", "factor", "2"), properties(devTools, 10, scopes.get(0)[1]));
            Map<String, String> globals = properties(devTools, 11, scopes.get(scopes.size() - 1)[1]);
            assertEquals("3", globals.get("limit"), globals.toString());
            assertEquals("18446744073709551614", globals.get("big"), globals.toString()); // a big int is a number to the tools
            // a function with a source location: DevTools shows its source, as it does for a JS function
            assertTrue(globals.get("scale").startsWith("fn scale(x, factor) {"), globals.toString());
            // DevTools edits a local: the script goes on with the new value
            devTools.send("{\"id\":12,\"method\":\"Debugger.setVariableValue\",\"params\":{\"scopeNumber\":0,\"variableName\":\"scaled\","
                            + "\"newValue\":{\"value\":20},\"callFrameId\":\"0\"}}");
            String set = devTools.next("\"id\":12");
            assertTrue(!set.contains("\"error\""), set);

            devTools.send("{\"id\":20,\"method\":\"Debugger.resume\"}");
            assertEquals("23\n", devTools.output());
            assertEquals(0, devTools.process.exitValue());
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
    private static Map<String, String> properties(DevToolsSession devTools, int id, String objectId) throws Exception {
        devTools.send("{\"id\":" + id + ",\"method\":\"Runtime.getProperties\",\"params\":{\"objectId\":\"" + objectId + "\",\"ownProperties\":true}}");
        String reply = devTools.next("\"id\":" + id);
        Map<String, String> props = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\"name\":\"(\\w+)\",\"value\":\\{\"description\":\"([^\"]*)\"").matcher(reply);
        while (m.find()) {
            props.put(m.group(1), m.group(2));
        }
        return props;
    }
}
