package dev.tine.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.graalvm.polyglot.Context;
import dev.tine.launcher.ProcessContexts;
import dev.tine.launcher.ScriptRunner;
import org.graalvm.polyglot.Source;

/** The interactive prompt: each entry is evaluated in one context; values are echoed as `=> value`. */
final class Repl {
    private Repl() {
    }

    static int run(PrintStream err) {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = System.out;
        try (Context context = ProcessContexts.newContext(System.in, new String[0])) {
            int entry = 0;
            while (true) {
                out.print("> ");
                out.flush();
                String line = in.readLine();
                if (line == null || line.strip().equals(":quit")) {
                    out.println();
                    return 0;
                }
                if (line.isBlank()) {
                    continue;
                }
                Source source = Source.newBuilder("tine", line, "<repl-" + (++entry) + ">").interactive(false).buildLiteral();
                ScriptRunner.Outcome outcome = ScriptRunner.eval(context, source, err);
                if (outcome.value() != null && !outcome.value().isNull()) {
                    out.println("=> " + outcome.value());
                }
            }
        } catch (IOException e) {
            return 1;
        }
    }
}
