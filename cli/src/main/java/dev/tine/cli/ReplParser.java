package dev.tine.cli;

import java.util.List;

import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * Tells JLine when an entry is complete (Enter runs it) or not (Enter adds a line): Tine's own
 * parser says "unexpected end of file" while brackets, braces or a string are open. For
 * completion, the word is the identifier around the cursor.
 */
final class ReplParser implements Parser {
    private final Repl repl;

    ReplParser(Repl repl) {
        this.repl = repl;
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && incomplete(line)) {
            throw new EOFError(-1, cursor, "incomplete entry");
        }
        int start = cursor;
        while (start > 0 && isIdentifierPart(line.charAt(start - 1))) {
            start--;
        }
        int end = cursor;
        while (end < line.length() && isIdentifierPart(line.charAt(end))) {
            end++;
        }
        return new Word(line, cursor, line.substring(start, end), cursor - start);
    }

    static boolean isIdentifierPart(char c) {
        return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    boolean incomplete(String text) {
        if (text.isBlank() || text.strip().startsWith(":")) {
            return false;
        }
        try {
            repl.context().parse(Source.newBuilder("tine", text, "<repl>").buildLiteral());
            return false;
        } catch (PolyglotException e) {
            if (!e.isSyntaxError()) {
                return false;
            }
            String message = e.getMessage();
            if (message.contains("syntax error: unexpected end of file")) {
                return true;
            }
            // an open raw string '...: the lexer stops at its quote, the last one in the entry
            return message.contains("syntax error: unexpected '''") && e.getSourceLocation() != null
                            && e.getSourceLocation().getCharIndex() == text.lastIndexOf('\'');
        } catch (IllegalStateException e) {
            return false; // the context is being reset
        }
    }

    /** The identifier being completed; candidates replace it as they are. */
    private record Word(String line, int cursor, String word, int wordCursor) implements CompletingParsedLine {
        @Override
        public int wordIndex() {
            return 0;
        }

        @Override
        public List<String> words() {
            return List.of(word);
        }

        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            return candidate;
        }

        @Override
        public int rawWordCursor() {
            return wordCursor;
        }

        @Override
        public int rawWordLength() {
            return word.length();
        }
    }
}
