package dev.tine.jsr223;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The polyglot context's byte streams, on the char streams of the ScriptContext in use at the time. */
final class ScriptStreams {
    private ScriptStreams() {
    }

    /** UTF-8 bytes to the current writer (or error writer); a sequence split between writes is kept until complete. */
    static final class Out extends OutputStream {
        private final TineScriptEngine engine;
        private final boolean error;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE);
        private ByteBuffer pending = ByteBuffer.allocate(0);

        Out(TineScriptEngine engine, boolean error) {
            this.engine = engine;
            this.error = error;
        }

        private Writer writer() {
            return error ? engine.current().getErrorWriter() : engine.current().getWriter();
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
            writer().write(out.toString());
        }

        @Override
        public void flush() throws IOException {
            writer().flush();
        }
    }

    /** The current reader's chars as UTF-8 bytes. */
    static final class In extends InputStream {
        private final TineScriptEngine engine;
        private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE);
        private ByteBuffer bytes = ByteBuffer.allocate(0);

        In(TineScriptEngine engine) {
            this.engine = engine;
        }

        private boolean fill() throws IOException {
            Reader reader = engine.current().getReader();
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
