package dev.tine.samples.embedding;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/** A Java application that embeds Tine: the tour of README.md's "Embedding" section. */
public final class EmbeddingDemo {
    private EmbeddingDemo() {
    }

    public static void main(String[] args) {
        // 1. A script in five lines.
        try (Context context = Context.newBuilder("tine").option("engine.WarnInterpreterOnly", "false").build()) {
            context.getBindings("tine").putMember("name", "world");
            System.out.println(context.eval("tine", "\"hello ${name}\"").asString());
        }

        // 2. Host functions go in through the bindings; script functions and globals come out.
        try (Context context = Context.newBuilder("tine").option("engine.WarnInterpreterOnly", "false").build()) {
            Value tine = context.getBindings("tine");
            tine.putMember("log", (ProxyExecutable) a -> {
                System.out.println("[host] " + a[0].asString());
                return null;
            });
            context.eval("tine", """
                            fn word_counts(text) {
                                let counts = {}
                                for w in split(lower(text)) {
                                    counts[w] = get(counts, w, 0) + 1
                                }
                                log("counted ${len(counts)} distinct words")
                                return counts
                            }
                            let version = "1.0"
                            """);
            Value counts = tine.getMember("word_counts").execute("The cat and the hat");
            Value entries = counts.getHashEntriesIterator();
            while (entries.hasIteratorNextElement()) {
                Value entry = entries.getIteratorNextElement();
                System.out.println(entry.getArrayElement(0).asString() + " = " + entry.getArrayElement(1).asLong());
            }
            System.out.println("version " + tine.getMember("version").asString() + ", globals " + tine.getMemberKeys());

            // 3. A script error is a PolyglotException with Tine's kind, message and place.
            try {
                context.eval("tine", "let xs = [1, 2]\nxs[5]");
            } catch (PolyglotException e) {
                System.out.println(e.getGuestObject().getMember("kind").asString() + " at line " + e.getSourceLocation().getStartLine()
                                + ": " + e.getMessage());
            }

            // 4. This context may not start processes: the process built-ins say so.
            try {
                context.eval("tine", "run([\"echo\", \"hi\"])");
            } catch (PolyglotException e) {
                System.out.println(e.getMessage());
            }
        }

        // 5. One that may: processes, and exit() that ends the evaluation, not the application.
        try (Context context = Context.newBuilder("tine").allowCreateProcess(true).allowNativeAccess(true)
                        .option("engine.WarnInterpreterOnly", "false").build()) {
            Value result = context.eval("tine", "run([\"echo\", \"hi from a child process\"])");
            System.out.print(result.getMember("stdout").asString());
            context.eval("tine", "exit(3)");
        } catch (PolyglotException e) {
            System.out.println("the script exited with " + e.getExitStatus() + "; the application goes on");
        }
    }
}
