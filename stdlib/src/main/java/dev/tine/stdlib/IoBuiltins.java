package dev.tine.stdlib;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleFile;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.NodeFactory;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

import dev.tine.builtins.Builtin;
import dev.tine.builtins.BuiltinNode;
import dev.tine.builtins.BuiltinProvider;
import dev.tine.runtime.Errors;
import dev.tine.runtime.TineException;
import dev.tine.runtime.TineNull;

/** read_line, read_file, write_file, exists: files through Truffle, so a context without IO is refused. */
public final class IoBuiltins implements BuiltinProvider {
    @Override
    public List<? extends NodeFactory<? extends BuiltinNode>> factories() {
        return IoBuiltinsFactory.getFactories();
    }

    @Builtin(name = "read_line")
    @GenerateNodeFactory
    abstract static class ReadLineBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected Object readLine() {
            context().flush();
            try {
                String line = context().stdin().readLine();
                return line == null ? TineNull.INSTANCE : line;
            } catch (IOException e) {
                throw ioError(e, "<stdin>", this);
            }
        }
    }

    @Builtin(name = "read_file")
    @GenerateNodeFactory
    abstract static class ReadFileBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected String read(String path) {
            try {
                return new String(file(path, this).readAllBytes(), StandardCharsets.UTF_8);
            } catch (SecurityException e) {
                throw denied(this);
            } catch (IOException e) {
                throw ioError(e, path, this);
            }
        }

        @Fallback
        protected Object wrong(Object path) {
            throw ArgErrors.expected(this, "a path string", path);
        }
    }

    @Builtin(name = "write_file")
    @GenerateNodeFactory
    abstract static class WriteFileBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected Object write(String path, String content) {
            try (var out = file(path, this).newOutputStream()) {
                out.write(content.getBytes(StandardCharsets.UTF_8));
                return TineNull.INSTANCE;
            } catch (SecurityException e) {
                throw denied(this);
            } catch (IOException e) {
                throw ioError(e, path, this);
            }
        }

        @Fallback
        protected Object wrong(Object path, Object content) {
            throw ArgErrors.expected(this, "a path and a string", path, content);
        }
    }

    @Builtin(name = "exists", rehearsable = true)
    @GenerateNodeFactory
    abstract static class ExistsBuiltin extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        protected boolean exists(String path) {
            try {
                return file(path, this).exists();
            } catch (SecurityException e) {
                throw denied(this);
            }
        }

        @Fallback
        protected Object wrong(Object path) {
            throw ArgErrors.expected(this, "a path string", path);
        }
    }

    /** A path relative to the script's working directory; SecurityError where the context forbids IO. */
    @TruffleBoundary
    static TruffleFile file(String path, BuiltinNode node) {
        try {
            return node.context().env.getPublicTruffleFile(path);
        } catch (SecurityException e) {
            throw denied(node);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            throw Errors.valueError("invalid path " + path, node);
        }
    }

    /** A context without IO lets a path be made but refuses every operation on it. */
    @TruffleBoundary
    static TineException denied(Node node) {
        return Errors.error("SecurityError", "file access is not allowed in this context", node);
    }

    @TruffleBoundary
    static TineException ioError(IOException e, String path, Node node) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return Errors.osError(2, "ENOENT", "no such file or directory: " + path, node);
        } else if (e instanceof java.nio.file.AccessDeniedException) {
            return Errors.osError(13, "EACCES", "permission denied: " + path, node);
        } else if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null && f.getReason().contains("directory")) {
            return Errors.osError(21, "EISDIR", "is a directory: " + path, node);
        }
        return Errors.osError(5, "EIO", e.getMessage() == null ? "I/O error: " + path : e.getMessage(), node);
    }
}
