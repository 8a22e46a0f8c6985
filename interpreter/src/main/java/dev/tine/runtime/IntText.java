package dev.tine.runtime;

import java.math.BigInteger;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * Digits to an int in time that grows about linearly with their number. {@code new BigInteger(s)}
 * is quadratic: a 1 MB literal took tens of seconds, with no safepoint to stop it.
 */
public final class IntText {
    /** Below this many digits BigInteger's own conversion is the fastest. */
    private static final int SMALL = 1000;

    private IntText() {
    }

    /** Digits in radix 10 or 16, no sign, no underscores; NumberFormatException if they are not. */
    @TruffleBoundary
    public static BigInteger parse(String digits, int radix) {
        if (digits.length() <= SMALL) {
            return new BigInteger(digits, radix);
        }
        return radix == 16 ? hex(digits) : decimal(digits, 0, digits.length());
    }

    /** Each hex digit is 4 bits: straight into the magnitude's bytes. */
    private static BigInteger hex(String digits) {
        int n = digits.length();
        byte[] mag = new byte[(n + 1) / 2];
        for (int i = 0; i < n; i++) {
            int d = Character.digit(digits.charAt(n - 1 - i), 16);
            if (d < 0) {
                throw new NumberFormatException("not a hex digit: " + digits.charAt(n - 1 - i));
            }
            mag[mag.length - 1 - i / 2] |= (byte) (i % 2 == 0 ? d : d << 4);
        }
        return new BigInteger(1, mag);
    }

    /** Divide and conquer: high half * 10^len(low) + low, so the work is in BigInteger's fast multiplication. */
    private static BigInteger decimal(String digits, int from, int to) {
        if (to - from <= SMALL) {
            return new BigInteger(digits.substring(from, to));
        }
        int low = (to - from) / 2;
        BigInteger high = decimal(digits, from, to - low);
        return high.multiply(BigInteger.TEN.pow(low)).add(decimal(digits, to - low, to));
    }
}
