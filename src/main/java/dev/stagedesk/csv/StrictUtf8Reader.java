package dev.stagedesk.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 strictly: a byte sequence that is not UTF-8 fails with {@link NotUtf8Exception}, which names the
 * line it is on (never replaced by a question mark, never guessed). A byte order mark at the start is skipped.
 */
final class StrictUtf8Reader extends Reader {
    /** The file is not UTF-8; {@link #line()} is where the first bad byte is (the first line is 1). */
    static final class NotUtf8Exception extends IOException {
        private final int line;

        NotUtf8Exception(int line) {
            super("not UTF-8 at line " + line);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192);
    private final CharBuffer chars = CharBuffer.allocate(8192);
    private boolean eof;
    private boolean flushed;
    private boolean start = true;
    /** Line breaks decoded so far, plus one. */
    private int line = 1;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
        bytes.flip();
        chars.flip();
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, chars.remaining());
        chars.get(cbuf, off, n);
        return n;
    }

    /** Decodes the next piece into {@link #chars}; false at the end of the file. */
    private boolean fill() throws IOException {
        if (flushed) {
            return false;
        }
        chars.clear();
        while (chars.position() == 0) {
            if (!eof) {
                bytes.compact();
                int r = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
                if (r < 0) {
                    eof = true;
                } else {
                    bytes.position(bytes.position() + r);
                }
                bytes.flip();
            }
            CoderResult result = decoder.decode(bytes, chars, eof);
            if (result.isError()) {
                throw new NotUtf8Exception(line + breaks());
            }
            if (eof) {
                if (result.isUnderflow()) {
                    // every byte decoded: nothing is left after this piece
                    decoder.flush(chars);
                    flushed = true;
                }
                break;
            }
        }
        line += breaks();
        chars.flip();
        if (start && chars.hasRemaining()) {
            start = false;
            if (chars.get(chars.position()) == '\uFEFF') {
                chars.get();
            }
        }
        return chars.hasRemaining() || !flushed;
    }

    /** Line breaks among the characters decoded into {@link #chars} (write mode). */
    private int breaks() {
        int n = 0;
        for (int i = 0; i < chars.position(); i++) {
            if (chars.get(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
