package dev.tine.runtime;

import java.math.BigDecimal;
import java.util.IdentityHashMap;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleSafepoint;

/** `str(x)`: strings as themselves at the top, quoted inside lists and maps; floats as Python's repr; foreign arrays and hashes as lists and maps. */
public final class Printer {
    private Printer() {
    }

    @TruffleBoundary
    public static String str(Object v) {
        if (v instanceof String s) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        append(sb, v, new IdentityHashMap<>());
        return sb.toString();
    }

    @TruffleBoundary
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder();
        appendQuoted(sb, s);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Object v, IdentityHashMap<Object, Boolean> active) {
        if (v instanceof String s) {
            appendQuoted(sb, s);
        } else if (v instanceof Double d) {
            sb.append(formatFloat(d));
        } else if (v instanceof TineList list) {
            if (active.put(list, true) != null) {
                sb.append("[...]");
                return;
            }
            sb.append('[');
            for (int i = 0; i < list.items.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                pollNow(i);
                append(sb, list.items.get(i), active);
            }
            sb.append(']');
            active.remove(list);
        } else if (v instanceof TineMap map) {
            if (active.put(map, true) != null) {
                sb.append("{...}");
                return;
            }
            sb.append('{');
            int i = 0;
            for (Map.Entry<Object, Object> e : map.entries.entrySet()) {
                if (i > 0) {
                    sb.append(", ");
                }
                pollNow(i++);
                append(sb, e.getKey(), active);
                sb.append(": ");
                append(sb, e.getValue(), active);
            }
            sb.append('}');
            active.remove(map);
        } else if (Foreign.isForeign(v)) {
            appendForeign(sb, v, active);
        } else {
            sb.append(v);
        }
    }

    /** A foreign array or hash as a list or map; any other foreign value as its language shows it. */
    private static void appendForeign(StringBuilder sb, Object v, IdentityHashMap<Object, Boolean> active) {
        Object copy = Foreign.copy(v, false);
        if (copy == null) {
            sb.append(Foreign.display(v));
        } else if (active.put(v, true) != null) {
            sb.append(copy instanceof TineList ? "[...]" : "{...}");
        } else {
            append(sb, copy, active);
            active.remove(v);
        }
    }

    /** A big structure (or a shared one, printed once per path) takes long: cancel and interrupt still stop it. */
    private static void pollNow(int index) {
        if (index % 256 == 0) {
            TruffleSafepoint.poll(null);
        }
    }

    private static void appendQuoted(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '\0' -> sb.append("\\0");
                default -> sb.append(c);
            }
        }
        sb.append('"');
    }

    /** Python's float repr: shortest round-trip digits, exponent form below 1e-4 and from 1e16. */
    @TruffleBoundary
    public static String formatFloat(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        } else if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        } else if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = exact.unscaledValue().toString();
        int decpt = digits.length() - exact.scale(); // value = 0.digits * 10^decpt
        StringBuilder sb = new StringBuilder(d < 0 ? "-" : "");
        if (decpt > -4 && decpt <= 16) {
            if (decpt <= 0) {
                sb.append("0.").append("0".repeat(-decpt)).append(digits);
            } else if (decpt >= digits.length()) {
                sb.append(digits).append("0".repeat(decpt - digits.length())).append(".0");
            } else {
                sb.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
            }
        } else {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            int exp = decpt - 1;
            sb.append(exp < 0 ? "e-" : "e+");
            int a = Math.abs(exp);
            if (a < 10) {
                sb.append('0');
            }
            sb.append(a);
        }
        return sb.toString();
    }
}
