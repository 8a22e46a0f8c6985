package dev.tine.tck;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.tck.ResultVerifier;

/** The result checks of the snippets whose outcome depends on the values, not only on their types. */
final class Verifiers {
    private Verifiers() {
    }

    /** `/` and `%`: an ArithmeticError exactly when the divisor is zero, else what the default check says. */
    static ResultVerifier zeroDivisorFails() {
        return run -> {
            Value divisor = run.getParameters().get(1);
            if (isZero(divisor)) {
                expectError(run, "ArithmeticError");
            } else {
                ResultVerifier.getDefaultResultVerifier().accept(run);
            }
        };
    }

    /** `xs[i]`: the element when i is an int within the list (negatives from the end), an IndexError past either end, a TypeError for a non-int. */
    static ResultVerifier indexInRange() {
        return run -> {
            List<? extends Value> params = run.getParameters();
            Value xs = params.get(0);
            Value index = params.get(1);
            if (!xs.hasArrayElements() || !index.isNumber()) {
                ResultVerifier.getDefaultResultVerifier().accept(run); // ErrorTypeTest: other types, an error expected
                return;
            }
            Object number = index.as(Object.class);
            if (number instanceof Double || number instanceof Float) {
                expectError(run, "TypeError"); // a float is no index, even 1.0
                return;
            } else if (!index.fitsInLong()) {
                expectError(run, "IndexError"); // an int past 64 bits is past every list's end
                return;
            }
            long size = xs.getArraySize();
            long i = index.asLong();
            if (i < -size || i >= size) {
                expectError(run, "IndexError");
            } else {
                ResultVerifier.getDefaultResultVerifier().accept(run);
            }
        };
    }

    /** `len(x)`: the number of code points of a string, elements of an array, entries of a hash, else members of an object (Tine's order). */
    static ResultVerifier sizeOf() {
        return run -> {
            Value x = run.getParameters().get(0);
            long expected = size(x);
            if (expected < 0 || run.getException() != null) {
                ResultVerifier.getDefaultResultVerifier().accept(run); // ErrorTypeTest: other types, an error expected
                return;
            }
            ResultVerifier.getDefaultResultVerifier().accept(run);
            long actual = run.getResult().asLong();
            if (actual != expected) {
                throw new AssertionError("len: expected " + expected + ", got " + actual + " for " + x);
            }
        };
    }

    /**
     * `for v in x` collecting each v: a string's characters, an array's elements, a hash's keys, an
     * iterable's items, else an object's member names, in that order of precedence as Tine's `for` has it.
     */
    static ResultVerifier walks() {
        return run -> {
            List<Object> expected = walked(run.getParameters().get(0), true);
            if (expected == null || run.getException() != null) {
                ResultVerifier.getDefaultResultVerifier().accept(run);
                return;
            }
            ResultVerifier.getDefaultResultVerifier().accept(run);
            expectItems(expected, run.getResult(), "for over " + run.getParameters().get(0));
        };
    }

    /** `xs + ys` of two arrays (Tine's lists or any language's): a new array of xs's elements, then ys's. */
    static ResultVerifier joined() {
        return run -> {
            Value xs = run.getParameters().get(0);
            Value ys = run.getParameters().get(1);
            if (!xs.hasArrayElements() || !ys.hasArrayElements() || run.getException() != null) {
                ResultVerifier.getDefaultResultVerifier().accept(run);
                return;
            }
            ResultVerifier.getDefaultResultVerifier().accept(run);
            List<Object> expected = elements(xs);
            expected.addAll(elements(ys));
            expectItems(expected, run.getResult(), xs + " + " + ys);
        };
    }

    /** `keys(m)`: a hash's keys, else an object's member names; a TypeError for an array (no map, even when it has members). */
    static ResultVerifier keysOf() {
        return run -> {
            Value m = run.getParameters().get(0);
            // The TCK declares a Java array an array only (not an object, though it has members): for
            // keys() it is a wrong type (ErrorTypeTest, the error passed on), a Java List a right one.
            boolean javaArray = m.isHostObject() && m.asHostObject().getClass().isArray();
            if (m.hasArrayElements() && !javaArray && (m.hasHashEntries() || m.hasMembers())) {
                expectError(run, "TypeError"); // a host List, a Map.Entry: arrays with members, no maps
                return;
            }
            if (!(m.hasHashEntries() || m.hasMembers()) || run.getException() != null) {
                ResultVerifier.getDefaultResultVerifier().accept(run);
                return;
            }
            ResultVerifier.getDefaultResultVerifier().accept(run);
            expectItems(walked(m, false), run.getResult(), "keys of " + m);
        };
    }

    /**
     * `sort(xs)` of an array or string: a new list in ascending order. Numbers compare with numbers
     * and strings with strings; two elements of other kinds (or mixed) are a TypeError, while fewer
     * than two are never compared.
     */
    static ResultVerifier sorted() {
        return run -> {
            Value x = run.getParameters().get(0);
            if (!(x.hasArrayElements() || x.isString())) {
                ResultVerifier.getDefaultResultVerifier().accept(run);
                return;
            }
            List<Object> items = x.isString() ? walked(x, false) : elements(x);
            boolean numbers = items.stream().allMatch(v -> v instanceof Value n && n.isNumber());
            boolean strings = items.stream().allMatch(v -> v instanceof String || v instanceof Value t && t.isString());
            if (items.size() >= 2 && !numbers && !strings) {
                expectError(run, "TypeError");
                return;
            }
            ResultVerifier.getDefaultResultVerifier().accept(run);
            if (items.size() >= 2) {
                items.sort(numbers ? Comparator.comparing(v -> decimal((Value) v)) : Comparator.comparing(Verifiers::text));
            }
            expectItems(items, run.getResult(), "sort of " + x);
        };
    }

    /**
     * `str(x)` (inside `before` and `after`, for interpolation): an array of any language shows as a
     * list, exactly so when its elements are ints, plain strings (quoted), bools or null; a hash as
     * a map in braces. Other values as the default check says (a string).
     */
    static ResultVerifier shown(String before, String after) {
        return run -> {
            Value x = run.getParameters().get(0);
            ResultVerifier.getDefaultResultVerifier().accept(run);
            String actual = run.getResult().asString();
            if (x.isNumber() || x.isString() || !(x.hasArrayElements() || x.hasHashEntries())) {
                return;
            }
            String open = x.hasArrayElements() ? "[" : "{";
            String close = x.hasArrayElements() ? "]" : "}";
            if (!actual.startsWith(before + open) || !actual.endsWith(close + after)) {
                throw new AssertionError("str of " + x + ": expected " + before + open + "..." + close + after + ", got " + actual);
            }
            if (x.hasArrayElements()) {
                StringBuilder expected = new StringBuilder(before).append('[');
                for (long i = 0; i < x.getArraySize(); i++) {
                    String item = plain(x.getArrayElement(i));
                    if (item == null) {
                        return; // floats, objects: shown as their language or Tine's repr has it, the brackets checked
                    }
                    expected.append(i == 0 ? "" : ", ").append(item);
                }
                expected.append(']').append(after);
                if (!expected.toString().equals(actual)) {
                    throw new AssertionError("str of " + x + ": expected " + expected + ", got " + actual);
                }
            }
        };
    }

    /** How str() shows v inside a list, for the simple cases; null for the others. */
    private static String plain(Value v) {
        if (v.isNull()) {
            return "null";
        } else if (v.isBoolean()) {
            return String.valueOf(v.asBoolean());
        } else if (v.isNumber() && v.fitsInLong() && !(v.as(Object.class) instanceof Double || v.as(Object.class) instanceof Float)) {
            return String.valueOf(v.asLong());
        } else if (v.isString() && v.asString().chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '$')) {
            return '"' + v.asString() + '"';
        }
        return null;
    }

    /** Tine's len: -1 for a value without one. */
    private static long size(Value x) {
        if (x.isNumber()) {
            return -1;
        } else if (x.isString()) {
            String s = x.asString();
            return s.codePointCount(0, s.length());
        } else if (x.hasArrayElements()) {
            return x.getArraySize();
        } else if (x.hasHashEntries()) {
            return x.getHashSize();
        } else if (x.hasMembers()) {
            return x.getMemberKeys().size();
        }
        return -1;
    }

    /**
     * What Tine's `for` walks (with iterables; without, what keys() gives of a hash or object), each
     * item a Value or a String (a character, a member name); null when it walks nothing. A number
     * that is an object (a host BigInteger) is a number: nothing.
     */
    private static List<Object> walked(Value x, boolean iterables) {
        List<Object> out = new ArrayList<>();
        if (x.isNumber()) {
            return null;
        } else if (x.isString()) {
            x.asString().codePoints().forEach(c -> out.add(Character.toString(c)));
        } else if (x.hasArrayElements()) {
            return elements(x);
        } else if (x.hasHashEntries()) {
            drain(x.getHashKeysIterator(), out);
        } else if (iterables && x.hasIterator()) {
            drain(x.getIterator(), out);
        } else if (x.hasMembers()) {
            out.addAll(x.getMemberKeys());
        } else {
            return null;
        }
        return out;
    }

    private static List<Object> elements(Value xs) {
        List<Object> out = new ArrayList<>();
        for (long i = 0; i < xs.getArraySize(); i++) {
            out.add(xs.getArrayElement(i));
        }
        return out;
    }

    private static void drain(Value iterator, List<Object> out) {
        while (iterator.hasIteratorNextElement()) {
            out.add(iterator.getIteratorNextElement());
        }
    }

    private static void expectItems(List<Object> expected, Value actual, String what) {
        if (!actual.hasArrayElements() || actual.getArraySize() != expected.size()) {
            throw new AssertionError(what + ": expected " + expected.size() + " items " + expected + ", got " + actual);
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!same(expected.get(i), actual.getArrayElement(i))) {
                throw new AssertionError(what + ": item " + i + " expected " + expected.get(i) + ", got " + actual.getArrayElement(i));
            }
        }
    }

    /** The same value as Tine passes it on: numbers by value (a host int is Tine's int), strings by text, anything else by identity. */
    private static boolean same(Object expected, Value actual) {
        if (expected instanceof String s) {
            return actual.isString() && s.equals(actual.asString());
        }
        Value e = (Value) expected;
        if (e.isNumber()) {
            if (!actual.isNumber()) {
                return false;
            } else if (e.fitsInBigInteger() && actual.fitsInBigInteger()) {
                return e.asBigInteger().equals(actual.asBigInteger());
            } else if (e.fitsInBigInteger() || actual.fitsInBigInteger()) {
                return e.fitsInDouble() && actual.fitsInDouble() && e.asDouble() == actual.asDouble();
            }
            return Double.compare(e.asDouble(), actual.asDouble()) == 0;
        } else if (e.isString()) {
            return actual.isString() && e.asString().equals(actual.asString());
        } else if (e.isBoolean()) {
            return actual.isBoolean() && e.asBoolean() == actual.asBoolean();
        } else if (e.isNull()) {
            return actual.isNull();
        }
        return e.equals(actual);
    }

    private static BigDecimal decimal(Value n) {
        return n.fitsInBigInteger() ? new BigDecimal(n.asBigInteger()) : new BigDecimal(n.asDouble());
    }

    private static String text(Object v) {
        return v instanceof String s ? s : ((Value) v).asString();
    }

    /** A script's result: a number or string equal to the expected one. */
    static ResultVerifier resultIs(Object expected) {
        return run -> {
            if (run.getException() != null) {
                throw run.getException();
            }
            Value result = run.getResult();
            Object actual = expected instanceof Long ? (Object) result.asLong() : result.asString();
            if (!expected.equals(actual)) {
                throw new AssertionError("expected " + expected + ", got " + actual);
            }
        };
    }

    private static boolean isZero(Value v) {
        if (v.fitsInBigInteger()) {
            return v.asBigInteger().signum() == 0;
        }
        return v.fitsInDouble() && v.asDouble() == 0.0;
    }

    private static void expectError(ResultVerifier.SnippetRun run, String kind) {
        PolyglotException e = run.getException();
        if (e == null) {
            throw new AssertionError("expected a " + kind + ", got " + run.getResult());
        }
        if (!e.isGuestException() || e.getGuestObject() == null || !e.getGuestObject().hasMember("kind")) {
            throw e;
        }
        String actual = e.getGuestObject().getMember("kind").asString();
        if (!kind.equals(actual)) {
            throw new AssertionError("expected a " + kind + ", got " + actual + ": " + e.getMessage(), e);
        }
    }
}
