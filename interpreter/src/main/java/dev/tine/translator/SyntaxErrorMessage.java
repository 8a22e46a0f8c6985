package dev.tine.translator;

/**
 * The text of a syntax error as LANGUAGE.md prints it: {@code file:line:col: syntax error: ...},
 * the source line, and a caret under the column. The one printer of syntax errors: the
 * translator's ({@link TineSyntaxError}) and the launcher's (a script that is not UTF-8).
 */
public final class SyntaxErrorMessage {
    private SyntaxErrorMessage() {
    }

    /** A 1-based column clamped to the line: at most just past its last character. */
    public static int column(int column, String lineText) {
        return Math.max(1, Math.min(column, lineText.length() + 1));
    }

    /** line and column are 1-based; the column counts the chars of lineText before the error. */
    public static String format(String file, int line, int column, String lineText, String what) {
        int col = column(column, lineText);
        StringBuilder caret = new StringBuilder();
        for (int i = 0; i < col - 1; i++) {
            caret.append(lineText.charAt(i) == '\t' ? '\t' : ' ');
        }
        caret.append('^');
        return file + ":" + Math.max(1, line) + ":" + col + ": syntax error: " + what + "\n" + lineText + "\n" + caret;
    }
}
