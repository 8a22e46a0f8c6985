package dev.tine.translator;

import org.antlr.v4.runtime.ANTLRInputStream;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

import com.oracle.truffle.api.TruffleSafepoint;
import com.oracle.truffle.api.source.Source;

import dev.tine.parser.TerminatorInsertingLexer;
import dev.tine.parser.TineParser;
import dev.tine.parser.TineParser.FileContext;

/**
 * Source text to parse tree, bounded for hostile input: the parser is recursive, so its depth
 * (rules and operator chains) is limited and a deeper source is a syntax error that says so, and
 * the lexer polls Truffle's safepoint so that {@code Context.close(true)} and
 * {@code Context.interrupt} stop a parse as they stop a running script.
 */
final class TineParsing {
    /** Rules and operator chains nested deeper than this are a syntax error: each level is several Java frames here and in the translator. */
    static final int MAX_DEPTH = 1000;
    static final String TOO_DEEP = "too deeply nested (more than " + MAX_DEPTH + " levels)";
    /** Tokens between two safepoint polls. */
    private static final int POLL_INTERVAL = 1024;

    private TineParsing() {
    }

    static FileContext parse(Source source) {
        Lexer lexer = new Lexer(source.getCharacters().toString());
        Parser parser = new Parser(new CommonTokenStream(lexer));
        BaseErrorListener listener = new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int col, String msg, RecognitionException e) {
                throw TineSyntaxError.at(source, line, col + 1, offending instanceof Token t ? unexpected(t) : msg);
            }
        };
        lexer.removeErrorListeners();
        lexer.addErrorListener(listener);
        parser.removeErrorListeners();
        parser.addErrorListener(listener);
        try {
            return parser.file();
        } catch (StackOverflowError e) {
            // a host thread with a small stack: the limits above did not suffice
            Token at = parser.getCurrentToken();
            throw TineSyntaxError.at(source, at.getLine(), at.getCharPositionInLine() + 1, TOO_DEEP);
        }
    }

    static String unexpected(Token t) {
        if (t.getType() == Token.EOF) {
            return "unexpected end of file";
        } else if (t.getType() == TineParser.TERM) {
            return t.getText().equals(";") ? "unexpected ';'" : "unexpected newline";
        }
        return "unexpected '" + t.getText() + "'";
    }

    private static final class Lexer extends TerminatorInsertingLexer {
        private int tokens;

        Lexer(String text) {
            super(new ANTLRInputStream(text));
        }

        @Override
        public Token nextToken() {
            if (++tokens % POLL_INTERVAL == 0) {
                TruffleSafepoint.poll(null);
            }
            return super.nextToken();
        }
    }

    /** Counts how deep the parse tree is where the parser stands: rule calls, and each operator of a chain (`a + b + c` nests). */
    private static final class Parser extends TineParser {
        private int depth;
        /** Per open left-recursive rule, how many operator levels it has pushed. */
        private int[] pushed = new int[64];
        private int open;

        Parser(CommonTokenStream tokens) {
            super(tokens);
        }

        private void deeper() {
            if (++depth > MAX_DEPTH) {
                Token at = getCurrentToken();
                getErrorListenerDispatch().syntaxError(this, null, at.getLine(), at.getCharPositionInLine(), TOO_DEEP, null);
            }
        }

        @Override
        public void enterRule(ParserRuleContext localctx, int state, int ruleIndex) {
            deeper();
            super.enterRule(localctx, state, ruleIndex);
        }

        @Override
        public void exitRule() {
            depth--;
            super.exitRule();
        }

        @Override
        public void enterRecursionRule(ParserRuleContext localctx, int state, int ruleIndex, int precedence) {
            deeper();
            if (open == pushed.length) {
                pushed = java.util.Arrays.copyOf(pushed, open * 2);
            }
            pushed[open++] = 0;
            super.enterRecursionRule(localctx, state, ruleIndex, precedence);
        }

        @Override
        public void pushNewRecursionContext(ParserRuleContext localctx, int state, int ruleIndex) {
            deeper();
            pushed[open - 1]++;
            super.pushNewRecursionContext(localctx, state, ruleIndex);
        }

        @Override
        public void unrollRecursionContexts(ParserRuleContext parentctx) {
            depth -= 1 + pushed[--open];
            super.unrollRecursionContexts(parentctx);
        }
    }
}
