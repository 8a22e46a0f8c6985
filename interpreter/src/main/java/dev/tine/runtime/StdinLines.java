package dev.tine.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * read_line()'s buffered reader of stdin. Unlike a BufferedReader it can tell what it has read
 * ahead and not yet returned, so that a fork() child starts with a copy of it, as a POSIX
 * child has a copy of its parent's stdio buffers. Lines end at \n, \r\n or \r.
 */
public final class StdinLines {
    private final InputStream in;
    private byte[] buffer = new byte[8192];
    private int start;
    private int end;
    private boolean skipNewline; // the last line ended at \r: a \n right after it belongs to it

    public StdinLines(InputStream in) {
        this.in = in;
    }

    /** The next line without its terminator, or null at end of input. */
    public String readLine() throws IOException {
        ByteArrayOutputStream line = null;
        while (true) {
            if (start == end && !fill()) {
                return line == null ? null : line.toString(StandardCharsets.UTF_8);
            }
            if (skipNewline) {
                skipNewline = false;
                if (buffer[start] == '\n') {
                    start++;
                    continue;
                }
            }
            for (int i = start; i < end; i++) {
                if (buffer[i] == '\n' || buffer[i] == '\r') {
                    String s = text(line, i);
                    skipNewline = buffer[i] == '\r';
                    start = i + 1;
                    return s;
                }
            }
            if (line == null) {
                line = new ByteArrayOutputStream();
            }
            line.write(buffer, start, end - start);
            start = end;
        }
    }

    private String text(ByteArrayOutputStream head, int upTo) {
        if (head == null) {
            return new String(buffer, start, upTo - start, StandardCharsets.UTF_8);
        }
        head.write(buffer, start, upTo - start);
        return head.toString(StandardCharsets.UTF_8);
    }

    private boolean fill() throws IOException {
        start = 0;
        end = Math.max(0, in.read(buffer, 0, buffer.length));
        return end > 0;
    }

    /** What was read from stdin and not yet returned, and whether a \n that comes next ends the last line. */
    public record ReadAhead(byte[] bytes, boolean skipNewline) {
        public static final ReadAhead NONE = new ReadAhead(new byte[0], false);
    }

    public ReadAhead readAhead() {
        return new ReadAhead(Arrays.copyOfRange(buffer, start, end), skipNewline);
    }

    /** In a fork child: the parent's read-ahead, before anything this process reads itself. */
    public void unread(ReadAhead ahead) {
        byte[] rest = Arrays.copyOfRange(buffer, start, end);
        byte[] bytes = ahead.bytes();
        buffer = new byte[Math.max(8192, bytes.length + rest.length)];
        System.arraycopy(bytes, 0, buffer, 0, bytes.length);
        System.arraycopy(rest, 0, buffer, bytes.length, rest.length);
        start = 0;
        end = bytes.length + rest.length;
        skipNewline = ahead.skipNewline();
    }
}
