package dev.tine.translator;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;

/** A block-scoped local: its frame slot, and whether a closure captures it (then the slot holds a Cell). */
public final class LocalVar {
    public final String name;
    public final int slot;
    /** Settled when the enclosing function has been translated, before anything runs: compiled code folds it. */
    @CompilationFinal public boolean captured;

    public LocalVar(String name, int slot) {
        this.name = name;
        this.slot = slot;
    }
}
