package dev.tine.tck;

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
