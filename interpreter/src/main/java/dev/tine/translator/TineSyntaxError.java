package dev.tine.translator;

import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.interop.ExceptionType;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;

/**
 * A syntax error, its message already in the shape LANGUAGE.md prints ({@link SyntaxErrorMessage}):
 * {@code file:line:col: syntax error: ...}, the source line, and a caret under the column.
 */
@ExportLibrary(InteropLibrary.class)
public final class TineSyntaxError extends AbstractTruffleException {
    private static final long serialVersionUID = 1L;
    private final transient SourceSection section;

    private TineSyntaxError(String message, SourceSection section) {
        super(message);
        this.section = section;
    }

    /** line and column are 1-based. */
    public static TineSyntaxError at(Source source, int line, int column, String what) {
        int l = Math.max(1, line);
        // The end of a file that ends in a newline is on the line after the last one.
        String text = source.getLength() == 0 || l > source.getLineCount() ? "" : source.getCharacters(l).toString();
        int col = SyntaxErrorMessage.column(column, text);
        String message = SyntaxErrorMessage.format(source.getName(), l, col, text, what);
        return new TineSyntaxError(message, section(source, Math.min(l, Math.max(1, source.getLineCount())), col));
    }

    private static SourceSection section(Source source, int line, int column) {
        try {
            return source.createSection(line, column, line, column);
        } catch (IllegalArgumentException e) {
            return source.createUnavailableSection();
        }
    }

    @ExportMessage
    ExceptionType getExceptionType() {
        return ExceptionType.PARSE_ERROR;
    }

    @ExportMessage
    boolean hasSourceLocation() {
        return section != null;
    }

    @ExportMessage(name = "getSourceLocation")
    SourceSection sourceLocation() {
        return section;
    }
}
