package dev.tine.runtime;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import dev.tine.TineContext;
import dev.tine.posix.Posix;
import dev.tine.posix.PosixException;

/**
 * The script's stdout or stderr in the tine command. Output that can no longer be written because
 * its reader is gone (EPIPE: `tine s.tine | head -1`) ends the script as SIGPIPE ends a C program,
 * silently, unless the script handles SIGPIPE (the handler runs; the output is lost) or ignores
 * it (the output is lost, as a C program's that does not check). The JVM itself never takes
 * SIGPIPE, so this is where a script meets it.
 */
public final class ScriptOutput extends FilterOutputStream {
    private final TineContext context;

    public ScriptOutput(OutputStream out, TineContext context) {
        super(out);
        this.context = context;
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw brokenPipe(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw brokenPipe(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw brokenPipe(e);
        }
    }

    private IOException brokenPipe(IOException e) {
        if (Posix.strerror(Posix.EPIPE).equals(e.getMessage())) {
            if (context.process.signalHandlers.get(Posix.SIGPIPE) == null) {
                try {
                    context.posix.dieOf(Posix.SIGPIPE);
                } catch (PosixException cannot) {
                    // a sandbox's Posix: the output is lost, the script goes on
                }
            }
            ScriptSignals.brokenPipe(context);
        }
        return e;
    }
}
