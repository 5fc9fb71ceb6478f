package dev.stagedesk.csv;

import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one CSV writer of every export (CLI, lists, reports, statements): RFC 4180, CRLF, each cell escaped by
 * {@link CsvCells} against formula injection. {@link #excel} is the semicolon flavour with a byte order mark.
 */
public final class CsvWriter implements Flushable {
    private final CSVPrinter printer;

    private CsvWriter(Writer out, char delimiter) {
        try {
            this.printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\r\n")
                    .setDelimiter(delimiter).get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Comma-separated, no byte order mark. */
    public static CsvWriter plain(Writer out) {
        return new CsvWriter(out, ',');
    }

    /** A UTF-8 byte order mark, then semicolon-separated rows (for spreadsheets in comma-decimal locales). */
    public static CsvWriter excel(Writer out) {
        try {
            out.write('\ufeff');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CsvWriter(out, ';');
    }

    /** One row; null cells are empty. */
    public void row(List<?> cells) {
        List<String> escaped = new ArrayList<>(cells.size());
        for (Object cell : cells) {
            escaped.add(CsvCells.escape(cell == null ? null : cell.toString()));
        }
        try {
            printer.printRecord(escaped);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void row(Object... cells) {
        row(Arrays.asList(cells));
    }

    @Override
    public void flush() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
