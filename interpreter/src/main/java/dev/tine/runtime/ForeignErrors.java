package dev.tine.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.interop.ExceptionType;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.nodes.LanguageInfo;

/**
 * An exception of another language or of the host as `catch` sees it: the map
 * {kind, message, ...} of a Tine error, so that one handler reads every error the same way.
 */
public final class ForeignErrors {
    private ForeignErrors() {
    }

    /** Whether `catch` takes it: an error (or syntax error) of another language or the host; not an interrupt, not Tine's own. */
    @TruffleBoundary
    public static boolean catchable(AbstractTruffleException e) {
        if (e instanceof TineException) {
            return false;
        }
        InteropLibrary lib = InteropLibrary.getUncached(e);
        try {
            ExceptionType type = lib.getExceptionType(e);
            return type == ExceptionType.RUNTIME_ERROR || type == ExceptionType.PARSE_ERROR;
        } catch (UnsupportedMessageException x) {
            return true;
        }
    }

    /**
     * A host exception: kind "HostError", the Java exception's message (its class name when it has
     * none) and `class`. Another language's: kind its name ("JavaScript", "Python"), `language` its
     * id ("js"), the message that language gives. Both keep the exception itself under `error`, for
     * what only that language knows (a JS error's `name` or `stack`).
     */
    @TruffleBoundary
    public static TineMap errorMap(AbstractTruffleException e, TruffleLanguage.Env env) {
        TineMap m;
        if (env.isHostException(e)) {
            Throwable t = env.asHostException(e);
            m = Errors.errorMap("HostError", t.getMessage() != null ? t.getMessage() : t.getClass().getName());
            m.put("class", t.getClass().getName());
        } else {
            InteropLibrary lib = InteropLibrary.getUncached(e);
            String name = "foreign";
            String id = null;
            try {
                if (lib.hasLanguage(e)) {
                    LanguageInfo info = env.getLanguageInfo(lib.getLanguage(e));
                    name = info.getName();
                    id = info.getId();
                }
            } catch (UnsupportedMessageException | IllegalArgumentException x) {
                // a language we cannot name
            }
            m = Errors.errorMap(name, message(e, lib));
            if (id != null) {
                m.put("language", id);
            }
        }
        m.put("error", e);
        return m;
    }

    private static String message(AbstractTruffleException e, InteropLibrary lib) {
        try {
            if (lib.hasExceptionMessage(e)) {
                Object msg = lib.getExceptionMessage(e);
                return InteropLibrary.getUncached(msg).asString(msg);
            }
        } catch (UnsupportedMessageException x) {
            // no message of its own
        }
        return e.getMessage() != null ? e.getMessage() : Foreign.display(e);
    }
}
