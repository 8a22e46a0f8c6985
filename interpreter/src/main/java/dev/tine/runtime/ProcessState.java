package dev.tine.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.tine.posix.Posix;

/**
 * The part of the OS process a script owns, kept by Tine itself: the fds the script opened,
 * the environment that exec/spawn/run pass on, the working directory, and signal dispositions.
 * A fork snapshot carries all of it to the child.
 */
public final class ProcessState {
    /** 0-2 and every fd from pipe/open/dup/dup2 that is not closed; a program Tine starts sees only these. */
    public final TreeSet<Integer> scriptFds = new TreeSet<>();
    private final LinkedHashMap<String, String> environment = new LinkedHashMap<>();
    /** environmentArray(), kept until the environment changes: spawn and exec pass the same array. */
    private String[] environmentArray;
    public String cwd;
    /** signal number -> a TineFunction handler, or "ignore"; absent means default. */
    public final TreeMap<Integer, Object> signalHandlers = new TreeMap<>();

    public ProcessState(Map<String, String> environment, String cwd) {
        scriptFds.add(0);
        scriptFds.add(1);
        scriptFds.add(2);
        this.environment.putAll(environment);
        this.cwd = cwd;
    }

    /** A copy, which can change without changing this one (a fork rehearsal's child). */
    public ProcessState copy() {
        ProcessState c = new ProcessState(Map.of(), cwd);
        c.replaceWith(this);
        c.environmentArray = environmentArray; // the same environment: the array whose C form spawn keeps
        return c;
    }

    /** Takes on another process's state (a fork child's parent's). */
    public void replaceWith(ProcessState other) {
        scriptFds.clear();
        scriptFds.addAll(other.scriptFds);
        environment.clear();
        environment.putAll(other.environment);
        environmentArray = null;
        cwd = other.cwd;
        signalHandlers.clear();
        signalHandlers.putAll(other.signalHandlers);
    }

    /** The script's environment (read only: setenv and unsetenv change it). */
    public Map<String, String> environment() {
        return Collections.unmodifiableMap(environment);
    }

    public void setenv(String name, String value) {
        environment.put(name, value);
        environmentArray = null;
    }

    public void unsetenv(String name) {
        environment.remove(name);
        environmentArray = null;
    }

    /** The environment as execve wants it: "NAME=value"; the same array until the environment changes (do not modify it). */
    public String[] environmentArray() {
        if (environmentArray == null) {
            List<String> env = new ArrayList<>();
            for (Map.Entry<String, String> e : environment.entrySet()) {
                env.add(e.getKey() + "=" + e.getValue());
            }
            environmentArray = env.toArray(new String[0]);
        }
        return environmentArray;
    }

    /** Every signal number, for the common case of a script that ignores none (shared: not to be changed). */
    private static final int[] ALL_SIGNALS = java.util.stream.IntStream.rangeClosed(1, Posix.MAX_SIGNAL).toArray();

    /**
     * The signals a started program gets at SIG_DFL: all but those the script set to "ignore".
     * Asked at every spawn: without an ignored signal it is the same array each time (the spawn
     * keeps its sigset while the array is unchanged).
     */
    public int[] defaultSignals() {
        int ignored = 0;
        for (Object h : signalHandlers.values()) {
            if ("ignore".equals(h)) {
                ignored++;
            }
        }
        if (ignored == 0) {
            return ALL_SIGNALS;
        }
        int[] sigs = new int[Posix.MAX_SIGNAL - ignored];
        int n = 0;
        for (int s = 1; s <= Posix.MAX_SIGNAL; s++) {
            if (!"ignore".equals(signalHandlers.get(s))) {
                sigs[n++] = s;
            }
        }
        return sigs;
    }
}
