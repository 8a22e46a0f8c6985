package dev.tine.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/** Strings are sequences of code points: lengths, indexes and slices count characters, not UTF-16 units. */
public final class StringOps {
    private StringOps() {
    }

    @TruffleBoundary
    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    @TruffleBoundary
    public static String charAt(String s, int index) {
        int start = s.offsetByCodePoints(0, index);
        return s.substring(start, s.offsetByCodePoints(start, 1));
    }

    @TruffleBoundary
    public static String slice(String s, int from, int to) {
        int start = s.offsetByCodePoints(0, from);
        return s.substring(start, s.offsetByCodePoints(start, to - from));
    }

    @TruffleBoundary
    public static TineList characters(String s) {
        TineList chars = new TineList();
        s.codePoints().forEach(cp -> chars.add(Character.toString(cp)));
        return chars;
    }
}
