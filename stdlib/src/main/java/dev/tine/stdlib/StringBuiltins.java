package dev.tine.stdlib;

import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.NodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.tine.builtins.Builtin;
import dev.tine.builtins.BuiltinNode;
import dev.tine.builtins.BuiltinProvider;
import dev.tine.builtins.NoArg;
import dev.tine.runtime.Errors;
import dev.tine.runtime.TineList;

/** split, trim, lines, upper, lower, starts_with, ends_with, replace. */
public final class StringBuiltins implements BuiltinProvider {
    @Override
    public List<? extends NodeFactory<? extends BuiltinNode>> factories() {
        return StringBuiltinsFactory.getFactories();
    }

    @Builtin(name = "split", minArgs = 1, rehearsable = true)
    @GenerateNodeFactory
    abstract static class SplitBuiltin extends BuiltinNode {
        /** Like Python's str.split(sep): every separator splits, empty pieces are kept. */
        @Specialization
        @TruffleBoundary
        protected TineList split(String s, String sep) {
            if (sep.isEmpty()) {
                throw Errors.valueError("empty separator", this);
            }
            TineList parts = new TineList();
            int start = 0;
            for (int i = s.indexOf(sep); i >= 0; i = s.indexOf(sep, start)) {
                parts.add(s.substring(start, i));
                start = i + sep.length();
            }
            parts.add(s.substring(start));
            return parts;
        }

        /**
         * Without a separator: runs of whitespace split, as Python's str.split() (whitespace as
         * its str.isspace() has it, the no-break spaces too). Scanned by hand: a regular
         * expression compiled per call was most of a word count's time.
         */
        @Specialization
        @TruffleBoundary
        protected TineList splitWhitespace(String s, @SuppressWarnings("unused") NoArg none) {
            TineList parts = new TineList();
            int n = s.length();
            int i = 0;
            while (true) {
                while (i < n && isSpace(s.charAt(i))) {
                    i++;
                }
                if (i == n) {
                    return parts;
                }
                int start = i;
                while (i < n && !isSpace(s.charAt(i))) {
                    i++;
                }
                parts.add(s.substring(start, i));
            }
        }

        private static boolean isSpace(char c) {
            return c == ' ' || (c >= '\t' && c <= '\r') || c > 0x7f && (Character.isWhitespace(c) || Character.isSpaceChar(c)) || (c >= 0x1c && c <= 0x1f);
        }

        @Fallback
        protected Object wrong(Object s, Object sep) {
            throw ArgErrors.expected(this, "a string and a separator", s, sep);
        }
    }

    @Builtin(name = "trim", rehearsable = true)
    @GenerateNodeFactory
    abstract static class TrimBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected String trim(String s) {
            return s.strip();
        }

        @Fallback
        protected Object wrong(Object s) {
            throw ArgErrors.expected(this, "a string", s);
        }
    }

    @Builtin(name = "lines", rehearsable = true)
    @GenerateNodeFactory
    abstract static class LinesBuiltin extends BuiltinNode {
        /** Like Python's splitlines(): no trailing empty line, \r\n counts as one break. */
        @Specialization
        @TruffleBoundary
        protected TineList lines(String s) {
            TineList out = new TineList();
            int start = 0;
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '\n' || c == '\r') {
                    out.add(s.substring(start, i));
                    i += (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') ? 2 : 1;
                    start = i;
                } else {
                    i++;
                }
            }
            if (start < s.length()) {
                out.add(s.substring(start));
            }
            return out;
        }

        @Fallback
        protected Object wrong(Object s) {
            throw ArgErrors.expected(this, "a string", s);
        }
    }

    @Builtin(name = "upper", rehearsable = true)
    @GenerateNodeFactory
    abstract static class UpperBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected String upper(String s) {
            return s.toUpperCase(java.util.Locale.ROOT);
        }

        @Fallback
        protected Object wrong(Object s) {
            throw ArgErrors.expected(this, "a string", s);
        }
    }

    @Builtin(name = "lower", rehearsable = true)
    @GenerateNodeFactory
    abstract static class LowerBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected String lower(String s) {
            return s.toLowerCase(java.util.Locale.ROOT);
        }

        @Fallback
        protected Object wrong(Object s) {
            throw ArgErrors.expected(this, "a string", s);
        }
    }

    @Builtin(name = "starts_with", rehearsable = true)
    @GenerateNodeFactory
    abstract static class StartsWithBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected boolean startsWith(String s, String prefix) {
            return s.startsWith(prefix);
        }

        @Fallback
        protected Object wrong(Object s, Object p) {
            throw ArgErrors.expected(this, "two strings", s, p);
        }
    }

    @Builtin(name = "ends_with", rehearsable = true)
    @GenerateNodeFactory
    abstract static class EndsWithBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected boolean endsWith(String s, String suffix) {
            return s.endsWith(suffix);
        }

        @Fallback
        protected Object wrong(Object s, Object p) {
            throw ArgErrors.expected(this, "two strings", s, p);
        }
    }

    @Builtin(name = "replace", rehearsable = true)
    @GenerateNodeFactory
    abstract static class ReplaceBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected String replace(String s, String old, String replacement) {
            return s.replace(old, replacement);
        }

        @Fallback
        protected Object wrong(Object s, Object old, Object replacement) {
            throw ArgErrors.expected(this, "three strings", s, old, replacement);
        }
    }
}
