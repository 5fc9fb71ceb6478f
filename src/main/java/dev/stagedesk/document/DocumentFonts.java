package dev.stagedesk.document;

import com.lowagie.text.Chunk;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fonts of every PDF the application writes, all embedded (as subsets): DejaVu Sans and DejaVu Sans Bold
 * for Latin, Greek and Cyrillic (and the symbols and emoji DejaVu has), then Droid Sans Fallback for Chinese,
 * Japanese and Korean. Text becomes a {@link Phrase} of runs, each set in the first font that has its glyphs
 * (what OpenPDF's {@code FontSelector} does), so "東京 Ōtsuka" prints as typed. A character no font has is
 * printed as U+FFFD (a visible replacement mark) and logged; it is never dropped without a trace. Invisible
 * format characters no font draws (a zero-width joiner, an emoji variation selector) are left out.
 */
public final class DocumentFonts {
    private static final Logger LOG = LoggerFactory.getLogger(DocumentFonts.class);
    /** What stands for a character no embedded font has. */
    public static final int REPLACEMENT = 0xFFFD;

    private DocumentFonts() {
    }

    /** Loaded on first use: DejaVu Sans regular and bold. */
    private static final class Latin {
        static final BaseFont REGULAR = load("DejaVuSans.ttf");
        static final BaseFont BOLD = load("DejaVuSans-Bold.ttf");
    }

    /** Loaded only when a text needs it (the file is 4 MB): Droid Sans Fallback, which has no bold face. */
    private static final class Cjk {
        static final BaseFont REGULAR = load("DroidSansFallbackFull.ttf");
    }

    /** The main font (DejaVu Sans) alone, for text that is known to be Latin (numbers, rules). */
    public static Font font(boolean strong, float size, Color color) {
        return new Font(strong ? Latin.BOLD : Latin.REGULAR, size, Font.NORMAL, color);
    }

    /** The text set in the fonts that have its characters. */
    public static Phrase phrase(String text, boolean strong, float size, Color color) {
        Phrase p = new Phrase();
        p.setFont(font(strong, size, color));
        append(p, text, strong, size, color);
        return p;
    }

    /** A paragraph of {@link #phrase}. */
    public static Paragraph paragraph(String text, boolean strong, float size, Color color) {
        Paragraph p = new Paragraph();
        p.setFont(font(strong, size, color));
        append(p, text, strong, size, color);
        return p;
    }

    /** Adds the text to {@code target} as runs, each in the first font that has its characters. */
    public static void append(Phrase target, String text, boolean strong, float size, Color color) {
        for (Run r : runs(text, strong)) {
            Chunk c = new Chunk(r.text(), new Font(r.font(), size, Font.NORMAL, color));
            if (strong && r.font() != Latin.BOLD) {
                // the fallback has no bold face: a thin outline in the text colour makes it read as bold
                c.setTextRenderMode(PdfContentByte.TEXT_RENDER_MODE_FILL_STROKE, size / 35f, color);
            }
            target.add(c);
        }
    }

    /** A stretch of text and the font it is set in. */
    record Run(String text, BaseFont font) {
    }

    /** The text cut into runs of one font each; characters no font has become U+FFFD. */
    static List<Run> runs(String text, boolean strong) {
        List<Run> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        BaseFont first = strong ? Latin.BOLD : Latin.REGULAR;
        StringBuilder run = new StringBuilder();
        BaseFont runFont = null;
        StringBuilder missing = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            BaseFont f;
            if (cp == '\n') {
                f = runFont != null ? runFont : first;
            } else if (cp == '\r') {
                continue; // CR LF is one line break; a lone CR is dropped with it
            } else if (cp == '\t') {
                cp = ' ';
                f = first;
            } else {
                f = fontFor(cp, first);
                if (f == null) {
                    if (ignorable(cp)) {
                        continue;
                    }
                    missing = missing == null ? new StringBuilder() : missing.append(", ");
                    missing.append(String.format("U+%04X", cp));
                    cp = fontFor(REPLACEMENT, first) != null ? REPLACEMENT : '?';
                    f = fontFor(cp, first);
                }
            }
            if (runFont != null && f != runFont) {
                out.add(new Run(run.toString(), runFont));
                run.setLength(0);
            }
            runFont = f;
            run.appendCodePoint(cp);
        }
        if (run.length() > 0) {
            out.add(new Run(run.toString(), runFont));
        }
        if (missing != null) {
            LOG.warn("No embedded font has {}; printed as a replacement mark", missing);
        }
        return out;
    }

    /** The first font that has the character, or null. */
    static BaseFont fontFor(int cp, BaseFont first) {
        if (first.charExists(cp)) {
            return first;
        }
        if (first == Latin.BOLD && Latin.REGULAR.charExists(cp)) {
            return Latin.REGULAR;
        }
        if (Cjk.REGULAR.charExists(cp)) {
            return Cjk.REGULAR;
        }
        return null;
    }

    /** Whether a font has the character (regular faces). */
    public static boolean printable(int cp) {
        return fontFor(cp, Latin.REGULAR) != null;
    }

    /** Characters that are never drawn themselves: joiners, variation selectors, other format characters. */
    private static boolean ignorable(int cp) {
        return Character.getType(cp) == Character.FORMAT || cp >= 0xFE00 && cp <= 0xFE0F
                || cp >= 0xE0100 && cp <= 0xE01EF;
    }

    private static BaseFont load(String file) {
        try (InputStream in = DocumentFonts.class.getResourceAsStream("fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the application: " + file);
            }
            return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }
}
