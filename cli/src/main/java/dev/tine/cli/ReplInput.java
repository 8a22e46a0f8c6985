package dev.tine.cli;

import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * The REPL context's stdin (what read_line() reads): lines from the terminal through a line
 * editor of its own (no history), so that the REPL's editor and the script never steal each
 * other's input, and Ctrl-C while a script waits for a line stops the entry (the read fails,
 * and the REPL reports the entry as interrupted). Ctrl-D is the end of the input.
 */
final class ReplInput extends InputStream {
    private final LineReader reader;
    private final Runnable onInterrupt;
    private ByteBuffer pending = ByteBuffer.allocate(0);

    ReplInput(Terminal terminal, Runnable onInterrupt) {
        this.reader = LineReaderBuilder.builder().terminal(terminal).appName("tine-input")
                        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true).build();
        this.onInterrupt = onInterrupt;
    }

    private boolean fill() throws InterruptedIOException {
        try {
            String line = reader.readLine("");
            pending = StandardCharsets.UTF_8.encode(line + "\n");
            return true;
        } catch (UserInterruptException e) {
            onInterrupt.run();
            throw new InterruptedIOException("interrupted");
        } catch (EndOfFileException e) {
            return false;
        }
    }

    @Override
    public int read() throws InterruptedIOException {
        if (!pending.hasRemaining() && !fill()) {
            return -1;
        }
        return pending.get() & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws InterruptedIOException {
        if (len == 0) {
            return 0;
        }
        if (!pending.hasRemaining() && !fill()) {
            return -1;
        }
        int n = Math.min(len, pending.remaining());
        pending.get(b, off, n);
        return n;
    }
}
