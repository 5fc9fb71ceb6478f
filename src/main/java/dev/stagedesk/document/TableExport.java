package dev.stagedesk.document;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import dev.stagedesk.money.Money;
import dev.stagedesk.money.MoneyFormat;
import java.awt.Color;
import java.io.OutputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import dev.stagedesk.csv.CsvWriter;

/**
 * Any {@link ReportTable} as CSV or PDF. Plain CSV is RFC 4180 with a dot decimal ("1234.50"); the
 * Excel-friendly choice adds a UTF-8 byte order mark, separates with semicolons and writes a decimal comma
 * ("1234,50"), which is what spreadsheets in comma-decimal locales open cleanly. The totals row is optional.
 */
public final class TableExport {
    /** {@code excel}: BOM, semicolons, decimal comma. {@code totalsRow}: append the table's totals. */
    public record CsvOptions(boolean excel, boolean totalsRow) {
        public static final CsvOptions PLAIN = new CsvOptions(false, true);
    }

    private TableExport() {
    }

    public static void csv(ReportTable table, CsvOptions options, Writer out) {
        CsvWriter printer = options.excel() ? CsvWriter.excel(out) : CsvWriter.plain(out);
        printer.row(table.columns().stream().map(ReportTable.Column::name).toList());
        for (List<Object> row : table.rows()) {
            printer.row(cells(row, options.excel()));
        }
        if (options.totalsRow() && table.totals() != null) {
            printer.row(cells(table.totals(), options.excel()));
        }
        printer.flush();
    }

    private static List<String> cells(List<Object> row, boolean excel) {
        List<String> out = new ArrayList<>(row.size());
        for (Object o : row) {
            out.add(csvCell(o, excel));
        }
        return out;
    }

    static String csvCell(Object o, boolean excel) {
        if (o == null) {
            return "";
        }
        if (o instanceof Money m) {
            String plain = MoneyFormat.plain(m);
            return excel ? plain.replace('.', ',') : plain;
        }
        return o.toString();
    }

    /** "1,234.50 EUR" on screen and in PDF; counts with grouping. */
    public static String display(Object o) {
        if (o == null) {
            return "";
        }
        if (o instanceof Money m) {
            return MoneyFormat.display(m.minor(), m.currency());
        }
        if (o instanceof Long || o instanceof Integer) {
            return String.format("%,d", ((Number) o).longValue());
        }
        return o.toString();
    }

    private static final Color MUTED = new Color(0x65, 0x6d, 0x76);
    private static final Color RULE = new Color(0xd0, 0xd7, 0xde);
    private static final Color BAND = new Color(0xf6, 0xf8, 0xfa);

    public static void pdf(ReportTable table, OutputStream out) {
        boolean wide = table.columns().size() > 5;
        Document pdf = new Document(wide ? PageSize.A4.rotate() : PageSize.A4, 40, 40, 40, 40);
        try {
            PdfWriter.getInstance(pdf, out);
            pdf.addTitle(table.title());
            pdf.addCreator("Stagedesk");
            pdf.open();
            pdf.add(DocumentFonts.paragraph(table.title(), true, 15, Color.BLACK));
            if (table.subtitle() != null) {
                Paragraph sub = DocumentFonts.paragraph(table.subtitle(), false, 9, MUTED);
                sub.setSpacingAfter(12);
                pdf.add(sub);
            }
            PdfPTable t = new PdfPTable(table.columns().size());
            t.setWidthPercentage(100);
            t.setHeaderRows(1);
            for (ReportTable.Column c : table.columns()) {
                PdfPCell h = cell(c.name(), true, c.kind() != ReportTable.Kind.TEXT, null);
                h.setBorder(Rectangle.BOTTOM);
                h.setBorderColor(RULE);
                t.addCell(h);
            }
            int i = 0;
            for (List<Object> row : table.rows()) {
                Color band = i++ % 2 == 1 ? BAND : null;
                for (int c = 0; c < row.size(); c++) {
                    t.addCell(cell(display(row.get(c)), false, table.columns().get(c).kind() != ReportTable.Kind.TEXT, band));
                }
            }
            if (table.totals() != null) {
                for (int c = 0; c < table.totals().size(); c++) {
                    PdfPCell cell = cell(display(table.totals().get(c)), true,
                            table.columns().get(c).kind() != ReportTable.Kind.TEXT, null);
                    cell.setBorder(Rectangle.TOP);
                    t.addCell(cell);
                }
            }
            pdf.add(t);
            pdf.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("PDF could not be written", e);
        }
    }

    private static PdfPCell cell(String text, boolean bold, boolean right, Color band) {
        PdfPCell c = new PdfPCell(DocumentFonts.phrase(text, bold, 8.5f, Color.BLACK));
        c.setBorder(Rectangle.NO_BORDER);
        c.setPadding(3);
        c.setBackgroundColor(band);
        c.setHorizontalAlignment(right ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
        return c;
    }
}
