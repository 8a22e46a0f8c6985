package dev.tine.parser;

import java.util.ArrayDeque;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;

/**
 * The Tine lexer with Go's statement rule: a newline is a terminator only when the line's
 * last token can end a statement. Inside parentheses and brackets newlines are dropped, so
 * argument and list literals may span lines without a trailing comma.
 */
public final class TerminatorInsertingLexer extends TineLexer {
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
            if (type == TERM && t.getText().charAt(0) != ';') {
                Integer top = openers.peek();
                if ((top != null && top != LBRACE) || !endsStatement(lastType)) {
                    continue;
                }
            }
            switch (type) {
                case LPAREN, LBRACK, LBRACE, INTERP_START -> openers.push(type == INTERP_START ? LBRACE : type);
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
