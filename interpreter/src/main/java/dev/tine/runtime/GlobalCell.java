package dev.tine.runtime;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.Truffle;

/**
 * A global variable; it exists from its declaration on. Most globals are set once (every `fn` at
 * the top level is one), so until a second write the cell promises its first value: compiled code
 * that reads it has the function as a constant, and its call site calls it directly.
 */
public final class GlobalCell {
    public final String name;
    private Object value;
    private boolean defined;
    private boolean everDefined;
    /** Valid while the cell still holds the value of its first definition, {@link #constant}. */
    @CompilationFinal private Assumption unchanged = Assumption.NEVER_VALID;
    @CompilationFinal private Object constant;

    public GlobalCell(String name) {
        this.name = name;
    }

    /** The value, or null while the global is not defined. */
    public Object read() {
        if (unchanged.isValid()) {
            return constant;
        }
        return defined ? value : null;
    }

    public boolean isDefined() {
        return defined;
    }

    public void set(Object v) {
        if (!everDefined) {
            everDefined = true;
            value = v;
            defined = true;
            constant = v;
            unchanged = Truffle.getRuntime().createAssumption(name);
        } else {
            if ((v != value || !defined) && unchanged.isValid()) {
                changed();
            }
            value = v;
            defined = true;
        }
    }

    public void undefine() {
        if (unchanged.isValid()) {
            changed();
        }
        defined = false;
        value = null;
    }

    @TruffleBoundary
    private void changed() {
        unchanged.invalidate("global " + name + " changed");
        unchanged = Assumption.NEVER_VALID;
        constant = null;
    }
}
