package dev.tine.builtins;

/** An optional built-in argument the caller left out. */
public final class NoArg {
    public static final NoArg INSTANCE = new NoArg();

    private NoArg() {
    }
}
