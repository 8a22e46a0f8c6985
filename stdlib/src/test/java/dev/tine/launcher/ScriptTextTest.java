package dev.tine.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.Test;

/** A script's bytes that are not UTF-8 are a syntax error, printed as the parser's are. */
class ScriptTextTest {
    /** Strings as UTF-8, ints as one byte each. */
    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String s) {
                all.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            } else {
                all.write((Integer) part);
            }
        }
        return all.toByteArray();
    }

    private static String error(byte[] bytes) {
        return assertThrows(ScriptText.NotUtf8.class, () -> ScriptText.decode(bytes, "s.tine")).getMessage();
    }

    @Test
    void utf8DecodesAsItIs() throws Exception {
        String text = "print(\"é😀\")\n# ¬\n";
        assertEquals(text, ScriptText.decode(text.getBytes(StandardCharsets.UTF_8), "s.tine"));
        assertEquals("", ScriptText.decode(new byte[0], "s.tine"));
    }

    @Test
    void theFirstBadByteIsTheLineAndColumn() {
        assertEquals("s.tine:1:1: syntax error: invalid UTF-8 byte 0xff\n\uFFFD\n^", error(bytes(0xff)));
        // the line shows the rest of it, its bad bytes as U+FFFD; a continuation byte without a lead is bad too
        assertEquals("s.tine:2:8: syntax error: invalid UTF-8 byte 0xfe\nprint(\"\uFFFD\uFFFD\")\n       ^",
                        error(bytes("print(1)\nprint(\"", 0xfe, 0x80, "\")\nprint(2)\n", 0xff)));
        assertEquals("s.tine:3:1: syntax error: invalid UTF-8 byte 0x80\n\uFFFD\n^", error(bytes("a\r\nb\n", 0x80, "\n")));
        // a sequence cut short at the end of the file; a tab before it stays a tab under the caret
        assertEquals("s.tine:1:6: syntax error: invalid UTF-8 byte 0xe2\n\tx = \uFFFD\n\t    ^", error(bytes("\tx = ", 0xe2, 0x82)));
        // an encoded surrogate (CESU-8) is not UTF-8
        assertEquals("s.tine:1:1: syntax error: invalid UTF-8 byte 0xed", error(bytes(0xed, 0xa0, 0x80)).lines().findFirst().get());
    }

    /** Columns count the UTF-16 chars of the line before the error, as the parser's syntax errors do. */
    @Test
    void columnsAreThoseOfTheParser() {
        String before = "let s = \"é😀\"; print(";
        assertEquals("s.tine:1:22: syntax error: invalid UTF-8 byte 0xc3\n" + before + "\uFFFD(\n" + " ".repeat(21) + "^",
                        error(bytes(before, 0xc3, "(")));
        try (Context context = Context.newBuilder("tine").build()) {
            PolyglotException e = assertThrows(PolyglotException.class, () -> context.eval(Source.newBuilder("tine", before, "s.tine").buildLiteral()));
            assertEquals("s.tine:1:22: syntax error: unexpected end of file\n" + before + "\n" + " ".repeat(21) + "^", e.getMessage());
        }
    }
}
