package dev.tine.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The part of the OS process a script owns, kept by Tine itself: the fds the script opened,
 * the environment that exec/spawn/run pass on, the working directory, and signal dispositions.
 * A fork snapshot carries all of it to the child.
 */
public final class ProcessState {
    /** 0-2 and every fd from pipe/open/dup/dup2 that is not closed; a program Tine starts sees only these. */
    public final TreeSet<Integer> scriptFds = new TreeSet<>();
    public final LinkedHashMap<String, String> environment = new LinkedHashMap<>();
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
}
