package dev.tine.launcher;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import dev.tine.translator.SyntaxErrorMessage;

/** A script's text from its bytes (a file, stdin): UTF-8, or a syntax error that names the first bad byte. */
public final class ScriptText {
    private ScriptText() {
    }

    /** Bytes that are not UTF-8; the message is the whole syntax error, printed like every other. */
    public static final class NotUtf8 extends Exception {
        private static final long serialVersionUID = 1L;

        NotUtf8(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The text of the bytes, decoded as UTF-8. The error's line and column are those of the first
     * byte that is not UTF-8; the column counts the chars of the valid text before it on its line,
     * as the columns of other syntax errors do.
     */
    public static String decode(byte[] bytes, String name) throws NotUtf8 {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1); // UTF-8 never has more chars than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            decoder.flush(out);
            return out.flip().toString();
        }
        int bad = in.position();
        String valid = out.flip().toString();
        int lineStart = valid.lastIndexOf('\n') + 1;
        int line = 1 + (int) valid.chars().filter(c -> c == '\n').count();
        int column = valid.length() - lineStart + 1;
        // The line shown: the valid text before the byte, then the rest of the line (its bad bytes as U+FFFD).
        int end = bad;
        while (end < bytes.length && bytes[end] != '\n') {
            end++;
        }
        String lineText = valid.substring(lineStart) + new String(bytes, bad, end - bad, StandardCharsets.UTF_8);
        String what = String.format("invalid UTF-8 byte 0x%02x", bytes[bad] & 0xff);
        throw new NotUtf8(SyntaxErrorMessage.format(name, line, column, lineText, what));
    }
}
