package dev.stagedesk.document;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Renders a {@link BusinessDocument} as an A4 PDF with OpenPDF: the agency's letterhead, the title and facts,
 * the client block, the lines, the totals, notes, and a footer with page numbers. Every text goes through
 * {@link DocumentFonts} (embedded DejaVu Sans, Droid Sans Fallback for CJK), so names print as typed.
 */
public final class DocumentPdf {
    private static final Color INK = new Color(0x1f, 0x23, 0x28);
    private static final Color MUTED = new Color(0x65, 0x6d, 0x76);
    private static final Color ACCENT = new Color(0x09, 0x69, 0xda);
    private static final Color RULE = new Color(0xd0, 0xd7, 0xde);
    private static final Color BAND = new Color(0xf6, 0xf8, 0xfa);

    private DocumentPdf() {
    }

    public static byte[] render(BusinessDocument doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(doc, out);
        return out.toByteArray();
    }

    public static void write(BusinessDocument doc, OutputStream out) {
        write(doc, null, out);
    }

    /** With the agency's logo (PNG or JPEG bytes; null for the name in large type) at the top left. */
    public static void write(BusinessDocument doc, byte[] logo, OutputStream out) {
        Document pdf = new Document(PageSize.A4, 50, 50, 50, 70);
        try {
            PdfWriter writer = PdfWriter.getInstance(pdf, out);
            writer.setPageEvent(new Footer(doc.footer(), doc.text()));
            pdf.addTitle(doc.title() + " " + doc.reference());
            pdf.addCreator("Stagedesk");
            pdf.open();
            pdf.add(letterhead(doc, logo));
            pdf.add(titleBlock(doc));
            pdf.add(lines(doc));
            pdf.add(totals(doc));
            if (doc.notes() != null && !doc.notes().isBlank()) {
                Paragraph label = DocumentFonts.paragraph(doc.text().tr("document.notes"), true, 9, MUTED);
                label.setSpacingBefore(18);
                pdf.add(label);
                pdf.add(DocumentFonts.paragraph(doc.notes(), false, 10, INK));
            }
            pdf.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("PDF could not be written", e);
        }
    }

    private static PdfPTable letterhead(BusinessDocument doc, byte[] logo) throws DocumentException {
        PdfPTable t = new PdfPTable(new float[] {1.2f, 1f});
        t.setWidthPercentage(100);
        PdfPCell name = cell(DocumentFonts.phrase(doc.from().isEmpty() ? "" : doc.from().get(0), true, 18, INK));
        if (logo != null) {
            try {
                Image image = logoImage(logo);
                name = new PdfPCell(image, false);
                name.setBorder(Rectangle.NO_BORDER);
                name.setPadding(2);
            } catch (IOException | RuntimeException e) {
                // an unreadable logo file: the name in large type instead, never a failed document
            }
        }
        t.addCell(name);
        Phrase contact = new Phrase();
        if (logo != null && !doc.from().isEmpty()) {
            DocumentFonts.append(contact, doc.from().get(0) + "\n", true, 9, INK);
        }
        for (int i = 1; i < doc.from().size(); i++) {
            DocumentFonts.append(contact, doc.from().get(i) + "\n", false, 8.5f, MUTED);
        }
        PdfPCell right = cell(contact);
        right.setHorizontalAlignment(Element.ALIGN_RIGHT);
        t.addCell(right);
        PdfPCell rule = cell(DocumentFonts.phrase(" ", false, 10, INK));
        rule.setColspan(2);
        rule.setBorder(Rectangle.BOTTOM);
        rule.setBorderColor(ACCENT);
        rule.setBorderWidth(1.5f);
        rule.setFixedHeight(8);
        t.addCell(rule);
        t.setSpacingAfter(18);
        return t;
    }

    private static PdfPTable titleBlock(BusinessDocument doc) throws DocumentException {
        PdfPTable t = new PdfPTable(new float[] {1f, 1f});
        t.setWidthPercentage(100);
        Phrase to = new Phrase();
        DocumentFonts.append(to, doc.text().tr("document.to") + "\n", true, 8.5f, MUTED);
        for (int i = 0; i < doc.to().size(); i++) {
            DocumentFonts.append(to, doc.to().get(i) + "\n", i == 0, i == 0 ? 11 : 10, INK);
        }
        t.addCell(cell(to));
        Phrase facts = new Phrase();
        DocumentFonts.append(facts, doc.title() + "\n", true, 16, ACCENT);
        DocumentFonts.append(facts, doc.reference() + "\n\n", false, 10, INK);
        for (BusinessDocument.Fact f : doc.facts()) {
            DocumentFonts.append(facts, f.label() + ": ", false, 9, MUTED);
            DocumentFonts.append(facts, f.value() + "\n", false, 9.5f, INK);
        }
        PdfPCell right = cell(facts);
        right.setHorizontalAlignment(Element.ALIGN_RIGHT);
        t.addCell(right);
        t.setSpacingAfter(22);
        return t;
    }

    private static PdfPTable lines(BusinessDocument doc) throws DocumentException {
        PdfPTable t = new PdfPTable(doc.columns() != null ? new float[] {4.4f, 1.7f, 1.7f, 1.7f}
                : new float[] {5.2f, 0.9f, 1.7f, 1.7f});
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        String[] heads = doc.columns() != null ? doc.columns().toArray(String[]::new)
                : new String[] {doc.text().tr("document.description"), doc.text().tr("document.quantity"),
                        doc.text().tr("document.unitPrice"), doc.text().tr("document.amount")};
        for (int i = 0; i < heads.length; i++) {
            PdfPCell h = cell(DocumentFonts.phrase(heads[i], true, 9, MUTED));
            h.setBorder(Rectangle.BOTTOM);
            h.setBorderColor(RULE);
            h.setPaddingBottom(6);
            h.setHorizontalAlignment(i == 0 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
            t.addCell(h);
        }
        int row = 0;
        for (BusinessDocument.Line l : doc.lines()) {
            Color band = row++ % 2 == 1 ? BAND : null;
            String[] values = {l.description(), l.quantity(), l.unitPrice(), l.amount()};
            for (int i = 0; i < values.length; i++) {
                PdfPCell c = cell(DocumentFonts.phrase(values[i], false, 10, INK));
                c.setPaddingTop(5);
                c.setPaddingBottom(6);
                c.setBackgroundColor(band);
                c.setHorizontalAlignment(i == 0 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
                t.addCell(c);
            }
        }
        return t;
    }

    private static PdfPTable totals(BusinessDocument doc) throws DocumentException {
        PdfPTable t = new PdfPTable(new float[] {4.0f, 3.8f, 1.7f});
        t.setWidthPercentage(100);
        t.setSpacingBefore(8);
        for (int i = 0; i < doc.totals().size(); i++) {
            BusinessDocument.Fact f = doc.totals().get(i);
            boolean last = i == doc.totals().size() - 1;
            t.addCell(cell(DocumentFonts.phrase(" ", false, 10, INK)));
            PdfPCell label = cell(DocumentFonts.phrase(f.label(), last, last ? 11 : 10, last ? INK : MUTED));
            PdfPCell value = cell(DocumentFonts.phrase(f.value(), last, last ? 11 : 10, INK));
            label.setHorizontalAlignment(Element.ALIGN_RIGHT);
            value.setHorizontalAlignment(Element.ALIGN_RIGHT);
            if (last) {
                label.setBorder(Rectangle.TOP);
                value.setBorder(Rectangle.TOP);
                label.setBorderColor(INK);
                value.setBorderColor(INK);
                label.setPaddingTop(6);
                value.setPaddingTop(6);
            }
            t.addCell(label);
            t.addCell(value);
        }
        return t;
    }

    private static PdfPCell cell(Phrase content) {
        PdfPCell c = new PdfPCell(content);
        c.setBorder(Rectangle.NO_BORDER);
        c.setPadding(2);
        // 1.2 times the largest type on a line: DejaVu's accents (Zoë, Ō) no longer touch the line above
        c.setLeading(0, 1.2f);
        return c;
    }

    private static volatile byte[] lastLogo;
    private static volatile Image lastImage;

    /**
     * The decoded logo, kept for the next document with the same bytes: decoding a large PNG cost ~30 ms of each
     * invoice in a batch of a thousand.
     */
    private static Image logoImage(byte[] logo) throws IOException {
        byte[] seen = lastLogo;
        Image image = lastImage;
        if (image != null && (seen == logo || Arrays.equals(seen, logo))) {
            return Image.getInstance(image);
        }
        image = Image.getInstance(logo);
        image.scaleToFit(180, 48);
        lastImage = image;
        lastLogo = logo;
        return Image.getInstance(image);
    }

    /** The main embedded font (see {@link DocumentFonts}); text in any script goes through DocumentFonts.phrase. */
    public static Font font(boolean strong, float size, Color color) {
        return DocumentFonts.font(strong, size, color);
    }

    /** The small print and "Page n" at the bottom of every page. */
    private static final class Footer extends PdfPageEventHelper {
        private final String text;
        private final DocumentText language;

        Footer(String text, DocumentText language) {
            this.text = text;
            this.language = language;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            float y = document.bottom() - 30;
            if (text != null && !text.isBlank()) {
                // up to two lines left of the page number: long bank details wrap instead of running into it
                ColumnText column = new ColumnText(canvas);
                column.setSimpleColumn(DocumentFonts.phrase(text.replace('\n', ' '), false, 7.5f, MUTED),
                        document.left(), y - 14, document.right() - 50, y + 9, 9, Element.ALIGN_LEFT);
                try {
                    column.go();
                } catch (DocumentException e) {
                    throw new IllegalStateException("PDF footer could not be written", e);
                }
            }
            ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT,
                    DocumentFonts.phrase(language.tr("document.page", writer.getPageNumber()), false, 7.5f, MUTED),
                    document.right(), y, 0);
        }
    }
}
