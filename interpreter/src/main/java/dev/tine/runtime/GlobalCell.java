package dev.tine.runtime;

/** A global variable; it exists from its declaration on. */
public final class GlobalCell {
    public final String name;
    public Object value;
    public boolean defined;

    public GlobalCell(String name) {
        this.name = name;
    }
}
