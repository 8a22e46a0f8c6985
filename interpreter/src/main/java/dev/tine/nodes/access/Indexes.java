package dev.tine.nodes.access;

import com.oracle.truffle.api.nodes.Node;

import dev.tine.runtime.BigNumber;
import dev.tine.runtime.Errors;
import dev.tine.runtime.Foreign;
import dev.tine.runtime.TypeNames;

/** Turns a possibly negative index into a position, or raises IndexError. */
public final class Indexes {
    private Indexes() {
    }

    public static int position(Object index, int size, String what, Node location) {
        return (int) position(index, (long) size, what, location);
    }

    /** The same for a foreign array, whose size is a long. */
    public static long position(Object index, long size, String what, Node location) {
        if (index instanceof BigNumber big) {
            throw Errors.indexError(what + " index " + big + " out of range (size " + size + ")", location); // past 64 bits: past every end
        }
        if (!(index instanceof Long l)) {
            Object n = Foreign.number(index); // a host BigInteger: the int it equals, past 64 bits past every end
            if (n instanceof Long || n instanceof BigNumber) {
                return position(n, size, what, location);
            }
            throw Errors.typeError(what + " index must be an int, not " + TypeNames.of(index), location);
        }
        long i = l < 0 ? l + size : l;
        if (i < 0 || i >= size) {
            throw Errors.indexError(what + " index " + l + " out of range (size " + size + ")", location);
        }
        return i;
    }
}
