package dev.tine.jsr223;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import javax.script.ScriptContext;

/**
 * The polyglot context's byte streams, on the char streams of the ScriptContext in use at the
 * time. They hold their engine weakly: polyglot keeps each engine in a static set until the
 * context's own API object is collected, and that engine holds these streams; a strong
 * reference from them to the TineScriptEngine (which holds the context) would keep every
 * script engine that was never closed, with all it holds, for good.
 */
final class ScriptStreams {
    private ScriptStreams() {
    }

    /** The ScriptContext of the engine's evaluation under way, or null once the engine is gone. */
    private static ScriptContext current(WeakReference<TineScriptEngine> engine) {
        TineScriptEngine e = engine.get();
        return e == null ? null : e.current();
    }

    /** UTF-8 bytes to the current writer (or error writer); a sequence split between writes is kept until complete. */
    static final class Out extends OutputStream {
        private final WeakReference<TineScriptEngine> engine;
        private final boolean error;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE);
        private ByteBuffer pending = ByteBuffer.allocate(0);

        Out(TineScriptEngine engine, boolean error) {
            this.engine = new WeakReference<>(engine);
            this.error = error;
        }

        /** Null when nothing can read the output any more (the engine is gone). */
        private Writer writer() {
            ScriptContext ctx = current(engine);
            return ctx == null ? null : error ? ctx.getErrorWriter() : ctx.getWriter();
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            ByteBuffer in = ByteBuffer.allocate(pending.remaining() + len);
            in.put(pending).put(b, off, len).flip();
            CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
            decoder.decode(in, out, false);
            pending = in.slice();
            out.flip();
            Writer w = writer();
            if (w != null) {
                w.write(out.toString());
            }
        }

        @Override
        public void flush() throws IOException {
            Writer w = writer();
            if (w != null) {
                w.flush();
            }
        }
    }

    /** The current reader's chars as UTF-8 bytes. */
    static final class In extends InputStream {
        private final WeakReference<TineScriptEngine> engine;
        private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE);
        private ByteBuffer bytes = ByteBuffer.allocate(0);

        In(TineScriptEngine engine) {
            this.engine = new WeakReference<>(engine);
        }

        private boolean fill() throws IOException {
            ScriptContext ctx = current(engine);
            Reader reader = ctx == null ? null : ctx.getReader();
            if (reader == null) {
                return false;
            }
            char[] chars = new char[1024];
            int n = reader.read(chars);
            if (n < 0) {
                return false;
            }
            bytes = encoder.encode(CharBuffer.wrap(chars, 0, n));
            return true;
        }

        @Override
        public synchronized int read() throws IOException {
            while (!bytes.hasRemaining()) {
                if (!fill()) {
                    return -1;
                }
            }
            return bytes.get() & 0xff;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (!bytes.hasRemaining()) {
                if (!fill()) {
                    return -1;
                }
            }
            int n = Math.min(len, bytes.remaining());
            bytes.get(b, off, n);
            return n;
        }
    }
}
