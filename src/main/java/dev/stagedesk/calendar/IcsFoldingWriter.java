package dev.stagedesk.calendar;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Folds iCalendar content lines as RFC 5545 (3.1) asks: no physical line longer than 75 octets of UTF-8 (the
 * line break not counted), a continuation line starting with one space, and never a fold inside a character:
 * a character of several octets, or a pair of surrogates (an emoji), moves whole to the next line. ical4j's own
 * FoldingWriter counts chars, not octets, and can cut a surrogate pair in two, which a UTF-8 encoder writes as "?".
 * Lines must end with CR LF (what ical4j's content lines do); the underlying writer must encode UTF-8.
 */
final class IcsFoldingWriter extends FilterWriter {
    static final int MAX_OCTETS = 75;
    private static final char[] FOLD = {'\r', '\n', ' '};

    private int octets;
    private char high;

    IcsFoldingWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        char ch = (char) c;
        if (high != 0) {
            char h = high;
            high = 0;
            if (Character.isLowSurrogate(ch)) {
                room(4);
                out.write(h);
                out.write(ch);
                octets += 4;
                return;
            }
            put(h, 3); // a lone high surrogate: the encoder writes its replacement
        }
        if (Character.isHighSurrogate(ch)) {
            high = ch;
        } else if (ch == '\r') {
            out.write(ch);
        } else if (ch == '\n') {
            out.write(ch);
            octets = 0;
        } else {
            put(ch, ch < 0x80 ? 1 : ch < 0x800 ? 2 : 3);
        }
    }

    private void put(char ch, int size) throws IOException {
        room(size);
        out.write(ch);
        octets += size;
    }

    /** Folds first when {@code size} more octets would not fit on the line. */
    private void room(int size) throws IOException {
        if (octets + size > MAX_OCTETS) {
            out.write(FOLD);
            octets = 1;
        }
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(buf[i]);
        }
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(str.charAt(i));
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }
}
