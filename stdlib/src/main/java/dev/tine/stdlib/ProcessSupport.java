package dev.tine.stdlib;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;

import dev.tine.runtime.BigNumber;
import dev.tine.TineContext;
import dev.tine.runtime.Errors;
import dev.tine.runtime.Printer;
import dev.tine.runtime.ProcessState;
import dev.tine.runtime.TineException;
import dev.tine.runtime.TineList;
import dev.tine.runtime.TineMap;
import dev.tine.runtime.TineNull;
import dev.tine.runtime.TypeNames;
import dev.tine.posix.Posix;
import dev.tine.posix.PosixException;

/** Shared by the process built-ins: argument checks, OSError, status maps, fd and signal hygiene. */
final class ProcessSupport {
    private ProcessSupport() {
    }


    @TruffleBoundary
    static TineException osError(int errno, String message, Node node) {
        return Errors.osError(errno, Posix.errnoName(errno), message, node);
    }


    /** A Tine int that must fit a C int (pids, fds, signals). */
    @TruffleBoundary
    static int cInt(Object v, String what, Node node) {
        if (v instanceof Long l) {
            if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
                throw Errors.valueError(what + " out of range: " + l, node);
            }
            return (int) (long) l;
        } else if (v instanceof BigNumber b) {
            throw Errors.valueError(what + " out of range: " + b, node);
        }
        throw Errors.typeError(what + " must be an int, not " + TypeNames.of(v), node);
    }

    @TruffleBoundary
    static String string(Object v, String what, Node node) {
        if (v instanceof String s) {
            if (s.indexOf('\0') >= 0) {
                throw Errors.valueError(what + " contains a NUL character", node);
            }
            return s;
        }
        throw Errors.typeError(what + " must be a string, not " + TypeNames.of(v), node);
    }

    /** argv: a non-empty list of strings; what names it in errors ("run() argv"). */
    @TruffleBoundary
    static String[] argv(Object v, String what, Node node) {
        if (!(v instanceof TineList list)) {
            throw Errors.typeError(what + " must be a list of strings, not " + TypeNames.of(v), node);
        }
        if (list.size() == 0) {
            throw Errors.valueError(what + " must not be empty", node);
        }
        String[] argv = new String[list.size()];
        for (int i = 0; i < argv.length; i++) {
            argv[i] = string(list.get(i), what + "[" + i + "]", node);
        }
        return argv;
    }

    /** An environment map as "NAME=value" strings. */
    @TruffleBoundary
    static String[] envArray(Object v, String builtin, Node node) {
        if (!(v instanceof TineMap map)) {
            throw Errors.typeError(builtin + "() env must be a map of strings, not " + TypeNames.of(v), node);
        }
        List<String> env = new ArrayList<>();
        for (Map.Entry<Object, Object> e : map.entries.entrySet()) {
            String name = string(e.getKey(), builtin + "() env name", node);
            checkEnvName(name, node);
            env.add(name + "=" + string(e.getValue(), builtin + "() env value of " + name, node));
        }
        return env.toArray(new String[0]);
    }

    /** As setenv(3): EINVAL for an empty name or one with '='. */
    @TruffleBoundary
    static void checkEnvName(String name, Node node) {
        if (name.isEmpty() || name.indexOf('=') >= 0) {
            throw osError(Posix.EINVAL, "invalid environment variable name " + Printer.quote(name), node);
        }
    }

    /** A path relative to the script's working directory. */
    @TruffleBoundary
    static String resolve(ProcessState ps, String path) {
        if (path.startsWith("/")) {
            return path;
        }
        return ps.cwd.endsWith("/") ? ps.cwd + path : ps.cwd + "/" + path;
    }

    /** The fd must be one the script owns (0-2, pipe, open, dup, dup2); the runtime's are EBADF. */
    @TruffleBoundary
    static int scriptFd(ProcessState ps, Object v, Node node) {
        int fd = cInt(v, "fd", node);
        if (!ps.scriptFds.contains(fd)) {
            TineContext context = TineContext.get(node);
            boolean runtimes = fd >= 0 && !context.heldFds.isHeld(fd, ps.scriptFds) && isOpen(context.posix, fd);
            throw osError(Posix.EBADF, "bad file descriptor: " + fd + (runtimes ? " (it belongs to the Tine runtime, not the script)" : ""), node);
        }
        return fd;
    }

    /** A script fd open for reading (forWrite false) or writing: else EBADF, as read(2) and write(2) say, and never a wait that cannot end. */
    @TruffleBoundary
    static int scriptFd(ProcessState ps, Object v, boolean forWrite, Node node) {
        int fd = scriptFd(ps, v, node);
        int mode;
        try {
            mode = TineContext.get(node).posix.getStatusFlags(fd) & O_ACCMODE;
        } catch (PosixException e) {
            throw Errors.osError(e, node);
        }
        if (mode == (forWrite ? Posix.O_RDONLY : Posix.O_WRONLY)) {
            throw osError(Posix.EBADF, "bad file descriptor: fd " + fd + " is not open for " + (forWrite ? "writing" : "reading"), node);
        }
        return fd;
    }

    private static final int O_ACCMODE = 3;

    static boolean isOpen(Posix posix, int fd) {
        try {
            posix.getFdFlags(fd);
            return true;
        } catch (PosixException e) {
            return false;
        }
    }

    /** {"pid", "exited", "code", "signaled", "signal", "core_dumped"} from a raw wait status. */
    @TruffleBoundary
    static TineMap statusMap(int pid, int status) {
        boolean exited = (status & 0x7f) == 0;
        boolean signaled = (status & 0x7f) != 0 && (status & 0x7f) != 0x7f;
        return TineMap.of("pid", (long) pid,
                        "exited", exited,
                        "code", exited ? (Object) (long) ((status >> 8) & 0xff) : TineNull.INSTANCE,
                        "signaled", signaled,
                        "signal", signaled ? (Object) (long) (status & 0x7f) : TineNull.INSTANCE,
                        "core_dumped", signaled && (status & 0x80) != 0);
    }

    /** PATH search as execvp/posix_spawnp do it, with the script's PATH; null when argv0 has a slash. */
    @TruffleBoundary
    static String findProgram(ProcessState ps, String name, Node node) {
        if (name.contains("/")) {
            return name;
        }
        if (name.isEmpty()) {
            throw osError(Posix.ENOENT, Posix.strerror(Posix.ENOENT) + ": \"\"", node);
        }
        String path = ps.environment().getOrDefault("PATH", "/bin:/usr/bin");
        boolean denied = false;
        Posix posix = TineContext.get(node).posix;
        for (String dir : path.split(":", -1)) {
            String candidate = (dir.isEmpty() ? "." : dir) + "/" + name;
            String absolute = resolve(ps, candidate);
            if (posix.isExecutableFile(absolute)) {
                return candidate.startsWith("/") ? candidate : absolute;
            } else if (posix.exists(absolute)) {
                denied = true;
            }
        }
        if (denied) {
            throw osError(Posix.EACCES, Posix.strerror(Posix.EACCES) + ": " + name, node);
        }
        throw osError(Posix.ENOENT, Posix.strerror(Posix.ENOENT) + ": " + name, node);
    }
}
