package dev.tine.stdlib;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.ImportStatic;
import com.oracle.truffle.api.dsl.NodeFactory;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.library.CachedLibrary;

import dev.tine.runtime.BigNumber;
import dev.tine.builtins.Builtin;
import dev.tine.builtins.BuiltinNode;
import dev.tine.builtins.BuiltinProvider;
import dev.tine.builtins.NoArg;
import dev.tine.nodes.TineTypes;
import dev.tine.runtime.Errors;
import dev.tine.runtime.Foreign;
import dev.tine.runtime.IntText;
import dev.tine.runtime.Printer;
import dev.tine.runtime.StringOps;
import dev.tine.runtime.TineList;
import dev.tine.runtime.TineMap;
import dev.tine.runtime.TineNull;
import dev.tine.runtime.TypeNames;

/** print, str, int, float, len, type, error, assert, args, time, clock, sleep. */
public final class CoreBuiltins implements BuiltinProvider {
    @Override
    public List<? extends NodeFactory<? extends BuiltinNode>> factories() {
        return CoreBuiltinsFactory.getFactories();
    }

    @Builtin(name = "print", variadic = true)
    @GenerateNodeFactory
    abstract static class PrintBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected Object print(Object[] args) {
            context().out.print(line(args));
            return TineNull.INSTANCE;
        }
    }

    @Builtin(name = "eprint", variadic = true)
    @GenerateNodeFactory
    abstract static class EprintBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected Object eprint(Object[] args) {
            context().out.flush(); // keep the two streams in order when they share a terminal
            context().err.print(line(args));
            context().err.flush();
            return TineNull.INSTANCE;
        }
    }

    @TruffleBoundary
    static String line(Object[] args) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(Printer.str(args[i]));
        }
        return sb.append('\n').toString();
    }

    @Builtin(name = "str", rehearsable = true)
    @GenerateNodeFactory
    abstract static class StrBuiltin extends BuiltinNode {
        @Specialization
        protected String str(Object v) {
            return Printer.str(v);
        }
    }

    @Builtin(name = "type", rehearsable = true)
    @GenerateNodeFactory
    abstract static class TypeBuiltin extends BuiltinNode {
        @Specialization
        protected String type(Object v) {
            return TypeNames.of(v);
        }
    }

    @Builtin(name = "int", rehearsable = true)
    @GenerateNodeFactory
    abstract static class IntBuiltin extends BuiltinNode {
        @Specialization
        protected long fromLong(long v) {
            return v;
        }

        @Specialization
        protected BigNumber fromBig(BigNumber v) {
            return v;
        }

        @Specialization
        @TruffleBoundary
        protected Object fromDouble(double v) {
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw Errors.valueError("cannot convert " + Printer.formatFloat(v) + " to int", this);
            }
            return TineTypes.normalize(new BigDecimal(v).toBigInteger());
        }

        @Specialization
        protected long fromBool(boolean v) {
            return v ? 1 : 0;
        }

        @Specialization
        @TruffleBoundary
        protected Object fromString(String s) {
            String t = s.strip().replace("_", "");
            try {
                if (t.isEmpty() || t.startsWith("+-") || t.startsWith("-+") || s.strip().startsWith("_")) {
                    throw new NumberFormatException();
                }
                boolean negative = t.startsWith("-");
                String digits = negative || t.startsWith("+") ? t.substring(1) : t;
                if (digits.isEmpty() || !Character.isDigit(digits.charAt(0))) {
                    throw new NumberFormatException();
                }
                BigInteger v = IntText.parse(digits, 10);
                return TineTypes.normalize(negative ? v.negate() : v);
            } catch (NumberFormatException e) {
                throw Errors.valueError("invalid int: " + Printer.quote(s), this);
            }
        }

        @Fallback
        protected Object wrong(Object v) {
            throw ArgErrors.expected(this, "a number, bool or string", v);
        }
    }

    @Builtin(name = "float", rehearsable = true)
    @GenerateNodeFactory
    abstract static class FloatBuiltin extends BuiltinNode {
        @Specialization
        protected double fromNumber(double v) {
            return v;
        }

        @Specialization
        @TruffleBoundary
        protected double fromString(String s) {
            String t = s.strip().toLowerCase();
            switch (t) {
                case "inf", "+inf", "infinity", "+infinity":
                    return Double.POSITIVE_INFINITY;
                case "-inf", "-infinity":
                    return Double.NEGATIVE_INFINITY;
                case "nan", "+nan", "-nan":
                    return Double.NaN;
                default:
            }
            if (!t.matches("[+-]?([0-9][0-9_]*(\\.[0-9_]*)?|\\.[0-9][0-9_]*)(e[+-]?[0-9]+)?")) {
                throw Errors.valueError("invalid float: " + Printer.quote(s), this);
            }
            return Double.parseDouble(t.replace("_", ""));
        }

        @Fallback
        protected Object wrong(Object v) {
            throw ArgErrors.expected(this, "a number or string", v);
        }
    }

    @Builtin(name = "len", rehearsable = true)
    @GenerateNodeFactory
    @ImportStatic(Foreign.class)
    abstract static class LenBuiltin extends BuiltinNode {
        @Specialization
        protected long string(String s) {
            return StringOps.length(s);
        }

        @Specialization
        protected long list(TineList l) {
            return l.size();
        }

        @Specialization
        protected long map(TineMap m) {
            return m.entries.size();
        }

        /** A foreign array's size, a foreign map's entries, an object's members. */
        @Specialization(guards = {"isForeign(v)", "size(v, interop) >= 0"})
        protected long foreign(Object v, @CachedLibrary(limit = "3") InteropLibrary interop) {
            return Foreign.size(v, interop);
        }

        @Fallback
        protected Object wrong(Object v) {
            throw ArgErrors.expected(this, "a string, list or map", v);
        }
    }

    @Builtin(name = "error", rehearsable = true)
    @GenerateNodeFactory
    abstract static class ErrorBuiltin extends BuiltinNode {
        @Specialization
        protected TineMap error(String kind, String message) {
            return Errors.errorMap(kind, message);
        }

        @Fallback
        protected Object wrong(Object kind, Object message) {
            throw ArgErrors.expected(this, "(string, string)", kind, message);
        }
    }

    @Builtin(name = "assert", minArgs = 1, rehearsable = true)
    @GenerateNodeFactory
    abstract static class AssertBuiltin extends BuiltinNode {
        @Specialization
        protected Object check(boolean cond, Object message) {
            if (!cond) {
                throw Errors.error("AssertionError", message == NoArg.INSTANCE ? "assertion failed" : Printer.str(message), this);
            }
            return TineNull.INSTANCE;
        }

        @Fallback
        protected Object wrong(Object cond, Object message) {
            throw ArgErrors.expected(this, "a bool and a message", cond, message);
        }
    }

    @Builtin(name = "args", rehearsable = true)
    @GenerateNodeFactory
    abstract static class ArgsBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected TineList args() {
            TineList list = new TineList();
            for (String a : context().arguments) {
                list.add(a);
            }
            return list;
        }
    }

    @Builtin(name = "time", rehearsable = true)
    @GenerateNodeFactory
    abstract static class TimeBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected double time() {
            java.time.Instant now = java.time.Instant.now();
            return now.getEpochSecond() + now.getNano() / 1e9;
        }
    }

    @Builtin(name = "clock", rehearsable = true)
    @GenerateNodeFactory
    abstract static class ClockBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected double clock() {
            return System.nanoTime() / 1e9;
        }
    }

    @Builtin(name = "sleep", restartable = true)
    @GenerateNodeFactory
    abstract static class SleepBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected Object sleep(double seconds) {
            if (!(seconds >= 0) || Double.isInfinite(seconds)) {
                throw Errors.valueError("sleep length must be a non-negative number", this);
            }
            context().flush();
            long deadline = System.nanoTime() + (long) (seconds * 1e9);
            // Interruptible by Truffle safepoints, so that script signal handlers run during a sleep;
            // after one ran, the sleep goes on until the deadline.
            com.oracle.truffle.api.TruffleSafepoint.setBlockedThreadInterruptible(this, end -> {
                for (long left = end - System.nanoTime(); left > 0; left = end - System.nanoTime()) {
                    Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
                }
            }, deadline);
            return TineNull.INSTANCE;
        }

        @Fallback
        protected Object wrong(Object v) {
            throw ArgErrors.expected(this, "a number of seconds", v);
        }
    }
}
