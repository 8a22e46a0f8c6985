package dev.tine.nodes.access;

import com.oracle.truffle.api.nodes.Node;

import dev.tine.runtime.BigNumber;
import dev.tine.runtime.Errors;
import dev.tine.runtime.Foreign;
import dev.tine.runtime.TypeNames;

/** Map keys are strings, ints or bools. */
public final class MapKeys {
    private MapKeys() {
    }

    public static Object check(Object key, Node location) {
        if (key instanceof String || key instanceof Long || key instanceof Boolean || key instanceof BigNumber) {
            return key;
        }
        if (Foreign.number(key) instanceof Object n && !(n instanceof Double)) {
            return n; // a host BigInteger: the int it is
        }
        throw Errors.typeError("map keys must be strings, ints or bools, not " + TypeNames.of(key), location);
    }
}
