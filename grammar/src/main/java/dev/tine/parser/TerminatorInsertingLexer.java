package dev.tine.parser;

import java.util.ArrayDeque;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;

/**
 * The Tine lexer with Go's statement rule: a newline is a terminator only when the line's
 * last token can end a statement. Inside parentheses and brackets newlines are dropped, so
 * argument and list literals may span lines without a trailing comma. A terminator right after
 * another one is dropped too (the grammar takes runs of them alike), so the parser never sees a
 * run of them. Brackets, braces and parentheses nest at most {@link #MAX_NESTING} deep: deeper
 * is a syntax error here, before the recursive parser would need a stack that deep.
 */
public class TerminatorInsertingLexer extends TineLexer {
    /** As CPython's tokenizer (MAXLEVEL). */
    public static final int MAX_NESTING = 200;

    private final ArrayDeque<Integer> openers = new ArrayDeque<>();
    private int lastType = TERM;

    public TerminatorInsertingLexer(CharStream input) {
        super(input);
    }

    @Override
    public Token nextToken() {
        while (true) {
            Token t = super.nextToken();
            int type = t.getType();
            if (type == TERM) {
                if (lastType == TERM) {
                    continue;
                }
                if (t.getText().charAt(0) != ';') {
                    Integer top = openers.peek();
                    if ((top != null && top != LBRACE) || !endsStatement(lastType)) {
                        continue;
                    }
                }
            }
            switch (type) {
                case LPAREN, LBRACK, LBRACE, INTERP_START -> {
                    if (openers.size() == MAX_NESTING) {
                        getErrorListenerDispatch().syntaxError(this, null, t.getLine(), t.getCharPositionInLine(),
                                        "too deeply nested (more than " + MAX_NESTING + " levels of brackets)", null);
                    }
                    openers.push(type == INTERP_START ? LBRACE : type);
                }
                case RPAREN, RBRACK, RBRACE -> openers.poll();
                default -> { }
            }
            lastType = type;
            return t;
        }
    }

    private static boolean endsStatement(int type) {
        return switch (type) {
            case IDENT, INT, FLOAT, RAW_STRING, STR_END, TRUE, FALSE, NULL, BREAK, CONTINUE, RETURN,
                 RPAREN, RBRACK, RBRACE -> true;
            default -> false;
        };
    }

    /** A stray closing brace at the top level is a syntax error for the parser, not a lexer crash. */
    @Override
    public int popMode() {
        return _modeStack.isEmpty() ? _mode : super.popMode();
    }
}
