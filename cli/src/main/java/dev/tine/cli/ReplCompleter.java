package dev.tine.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.graalvm.polyglot.PolyglotException;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import com.oracle.truffle.api.dsl.NodeFactory;

import dev.tine.TineLanguage;
import dev.tine.builtins.Builtin;
import dev.tine.builtins.BuiltinNode;
import dev.tine.builtins.BuiltinProvider;

/** Tab: keywords, the session's globals and the built-ins that start with the word at the cursor. */
final class ReplCompleter implements Completer {
    private final Repl repl;
    private final List<String> fixed;
    private final java.util.Set<String> keywords = new java.util.HashSet<>(TineLanguage.keywords());

    ReplCompleter(Repl repl) {
        this.repl = repl;
        TreeSet<String> names = new TreeSet<>(TineLanguage.keywords());
        names.addAll(builtinNames());
        this.fixed = List.copyOf(names);
    }

    /** The built-ins as the language finds them: each provider's @Builtin names and constants, and the prelude's functions. */
    static TreeSet<String> builtinNames() {
        TreeSet<String> names = new TreeSet<>();
        for (BuiltinProvider provider : ServiceLoader.load(BuiltinProvider.class, TineLanguage.class.getClassLoader())) {
            for (NodeFactory<? extends BuiltinNode> factory : provider.factories()) {
                Builtin b = factory.getNodeClass().getAnnotation(Builtin.class);
                if (b != null) {
                    names.add(b.name());
                }
            }
            names.addAll(provider.constants().keySet());
        }
        try (InputStream in = TineLanguage.class.getResourceAsStream("prelude.tine")) {
            if (in != null) {
                Matcher m = Pattern.compile("(?m)^fn\\s+([A-Za-z_][A-Za-z0-9_]*)").matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        } catch (IOException e) {
            // no prelude names then
        }
        return names;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String prefix = line.word().substring(0, line.wordCursor());
        TreeSet<String> names = new TreeSet<>(fixed);
        try {
            names.addAll(repl.context().getBindings("tine").getMemberKeys());
        } catch (PolyglotException | IllegalStateException e) {
            // the context is being reset: complete the fixed names
        }
        for (String name : names) {
            if (name.startsWith(prefix)) {
                // a keyword gets its space; a name is often followed by ( or [
                candidates.add(new Candidate(name, name, null, null, null, null, keywords.contains(name)));
            }
        }
    }
}
