package dev.tine.stdlib;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.NodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.tine.builtins.Builtin;
import dev.tine.builtins.BuiltinNode;
import dev.tine.builtins.BuiltinProvider;
import dev.tine.builtins.NoArg;
import dev.tine.runtime.Errors;
import dev.tine.runtime.Printer;
import dev.tine.runtime.ProcessState;
import dev.tine.runtime.ScriptSignals;
import dev.tine.runtime.TineList;
import dev.tine.runtime.TineNull;
import dev.tine.posix.Blocking;
import dev.tine.posix.Posix;
import dev.tine.posix.PosixException;

/**
 * pipe, open, read, write, dup, dup2, close on real fds. The script owns 0-2 and the fds these
 * return, numbered as POSIX numbers them: the lowest the script does not use, from the numbers
 * 0-255 that the tine command holds for it (HeldFds). The others belong to the runtime and are
 * EBADF to the script. Bytes are UTF-8: read decodes (an invalid sequence, e.g. a character cut
 * by read(fd, max), becomes U+FFFD), write encodes.
 */
public final class FdBuiltins implements BuiltinProvider {
    @Override
    public List<? extends NodeFactory<? extends BuiltinNode>> factories() {
        return FdBuiltinsFactory.getFactories();
    }

    private static final int CHUNK = 65536;

    @Builtin(name = "pipe", process = true)
    @GenerateNodeFactory
    abstract static class PipeBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected TineList pipe() {
            try {
                int[] fds = context().posix.pipe();
                ProcessState ps = context().process;
                try {
                    fds[0] = context().fds().adopt(context().posix, fds[0], ps.scriptFds);
                } catch (PosixException e) {
                    context().posix.closeQuietly(fds[1]);
                    throw e;
                }
                ps.scriptFds.add(fds[0]);
                try {
                    fds[1] = context().fds().adopt(context().posix, fds[1], ps.scriptFds);
                } catch (PosixException e) {
                    ps.scriptFds.remove(fds[0]);
                    context().fds().release(context().posix, fds[0]);
                    throw e;
                }
                ps.scriptFds.add(fds[1]);
                TineList l = new TineList();
                l.add((long) fds[0]);
                l.add((long) fds[1]);
                return l;
            } catch (PosixException e) {
                throw Errors.osError(e, this);
            }
        }
    }

    @Builtin(name = "open", process = true, rehearsable = true)
    @GenerateNodeFactory
    abstract static class OpenBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected long open(String path, String mode) {
            int flags = switch (mode) {
                case "r" -> Posix.O_RDONLY;
                case "w" -> Posix.O_WRONLY | Posix.O_CREAT | Posix.O_TRUNC;
                case "a" -> Posix.O_WRONLY | Posix.O_CREAT | Posix.O_APPEND;
                default -> throw Errors.valueError("open() mode must be \"r\", \"w\" or \"a\", not " + Printer.quote(mode), this);
            };
            ProcessState ps = context().process;
            try {
                int fd = context().fds().adopt(context().posix, context().posix.open(ProcessSupport.resolve(ps, ProcessSupport.string(path, "path", this)), flags, 0644), ps.scriptFds);
                ps.scriptFds.add(fd);
                return fd;
            } catch (PosixException e) {
                throw Errors.osError(e, this);
            }
        }

        @Fallback
        protected Object wrong(Object path, Object mode) {
            throw ArgErrors.expected(this, "a path and a mode string", path, mode);
        }
    }

    @Builtin(name = "read", minArgs = 1, process = true, restartable = true)
    @GenerateNodeFactory
    abstract static class ReadBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected String readAll(long fdArg, @SuppressWarnings("unused") NoArg max) {
            int fd = ProcessSupport.scriptFd(context().process, fdArg, false, this);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[CHUNK];
            try {
                while (true) {
                    int n = readSome(fd, buf, CHUNK);
                    if (n == 0) {
                        return out.toString(StandardCharsets.UTF_8);
                    }
                    out.write(buf, 0, n);
                }
            } catch (PosixException e) {
                throw Errors.osError(e, this);
            }
        }

        @Specialization
        @TruffleBoundary
        protected String readMax(long fdArg, long max) {
            int fd = ProcessSupport.scriptFd(context().process, fdArg, false, this);
            if (max < 0) {
                throw Errors.valueError("read() max must not be negative", this);
            }
            int len = (int) Math.min(max, 1 << 24);
            if (len == 0) {
                return "";
            }
            byte[] buf = new byte[len];
            try {
                int n = readSome(fd, buf, len);
                return new String(buf, 0, n, StandardCharsets.UTF_8);
            } catch (PosixException e) {
                throw Errors.osError(e, this);
            }
        }

        /** One read(2), after waiting (interruptibly) for the fd to be readable. */
        private int readSome(int fd, byte[] buf, int len) throws PosixException {
            Posix posix = context().posix;
            while (true) {
                Blocking.awaitReadable(this, fd);
                try {
                    return posix.read(fd, buf, len);
                } catch (PosixException e) {
                    if (e.errno != Posix.EAGAIN) { // EAGAIN: a non-blocking fd that another reader drained
                        throw e;
                    }
                }
            }
        }

        @Fallback
        protected Object wrong(Object fd, Object max) {
            throw ArgErrors.expected(this, "an fd and an optional max byte count", fd, max);
        }
    }

    @Builtin(name = "write", process = true)
    @GenerateNodeFactory
    abstract static class WriteBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected long write(long fdArg, String s) {
            int fd = ProcessSupport.scriptFd(context().process, fdArg, true, this);
            if (fd == 1 || fd == 2) {
                context().flush(); // keep print() output and raw writes in order
            }
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            Posix posix = context().posix;
            int off = 0;
            try {
                while (off < bytes.length) {
                    Blocking.awaitWritable(this, fd);
                    try {
                        off += posix.write(fd, bytes, off, Math.min(CHUNK, bytes.length - off));
                    } catch (PosixException e) {
                        if (e.errno != Posix.EAGAIN) { // EAGAIN on a non-blocking fd: wait again
                            throw e;
                        }
                    }
                }
            } catch (PosixException e) {
                if (e.errno == Posix.EPIPE) {
                    ScriptSignals.brokenPipe(context());
                }
                throw Errors.osError(e, this);
            }
            return bytes.length;
        }

        @Fallback
        protected Object wrong(Object fd, Object s) {
            throw ArgErrors.expected(this, "an fd and a string", fd, s);
        }
    }

    @Builtin(name = "dup", process = true, rehearsable = true)
    @GenerateNodeFactory
    abstract static class DupBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected long dup(long fdArg) {
            ProcessState ps = context().process;
            int fd = ProcessSupport.scriptFd(ps, fdArg, this);
            try {
                int copy = context().fds().adopt(context().posix, context().posix.dup(fd), ps.scriptFds);
                ps.scriptFds.add(copy);
                return copy;
            } catch (PosixException e) {
                throw Errors.osError(e, this);
            }
        }

        @Fallback
        protected Object wrong(Object fd) {
            throw ArgErrors.expected(this, "an fd", fd);
        }
    }

    @Builtin(name = "dup2", process = true, rehearsable = true)
    @GenerateNodeFactory
    abstract static class Dup2Builtin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected long dup2(long oldArg, long newArg) {
            ProcessState ps = context().process;
            int oldFd = ProcessSupport.scriptFd(ps, oldArg, this);
            int newFd = ProcessSupport.cInt(newArg, "fd", this);
            if (newFd < 0) {
                throw ProcessSupport.osError(Posix.EBADF, "bad file descriptor: " + newFd, this);
            }
            if (!ps.scriptFds.contains(newFd) && !context().heldFds.isHeld(newFd, ps.scriptFds) && ProcessSupport.isOpen(context().posix, newFd)) {
                throw ProcessSupport.osError(Posix.EBADF, "fd " + newFd + " belongs to the Tine runtime; dup2 onto it would break Tine", this);
            }
            if (newFd == 1 || newFd == 2) {
                context().flush();
            }
            try {
                context().posix.dup2(oldFd, newFd);
                ps.scriptFds.add(newFd);
                return newFd;
            } catch (PosixException e) {
                throw Errors.osError(e, this);
            }
        }

        @Fallback
        protected Object wrong(Object oldFd, Object newFd) {
            throw ArgErrors.expected(this, "(fd, fd)", oldFd, newFd);
        }
    }

    @Builtin(name = "close", process = true, rehearsable = true)
    @GenerateNodeFactory
    abstract static class CloseBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected Object close(long fdArg) {
            ProcessState ps = context().process;
            int fd = ProcessSupport.scriptFd(ps, fdArg, this);
            if (fd == 1 || fd == 2) {
                context().flush();
            }
            ps.scriptFds.remove(fd);
            try {
                context().fds().release(context().posix, fd);
            } catch (PosixException e) {
                throw Errors.osError(e, this);
            }
            return TineNull.INSTANCE;
        }

        @Fallback
        protected Object wrong(Object fd) {
            throw ArgErrors.expected(this, "an fd", fd);
        }
    }
}
