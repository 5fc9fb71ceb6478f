package dev.stagedesk.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.document.ReportTable;
import dev.stagedesk.document.TableExport;
import dev.stagedesk.money.Money;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV injection (OWASP): formulas are written as text, numbers stay numbers, and import gives back the value. */
class CsvCellsTest {
    @Test
    void formulasGetAQuoteAndNumbersDoNot() {
        assertThat(CsvCells.escape("=HYPERLINK(\"http://evil.example\",\"Click\")"))
                .isEqualTo("'=HYPERLINK(\"http://evil.example\",\"Click\")");
        assertThat(CsvCells.escape("+49 30 1234567")).isEqualTo("'+49 30 1234567");
        assertThat(CsvCells.escape("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvCells.escape("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvCells.escape("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvCells.escape("\r=1")).isEqualTo("'\r=1");
        assertThat(CsvCells.escape("-12.50")).isEqualTo("-12.50");
        assertThat(CsvCells.escape("-1250,50")).isEqualTo("-1250,50");
        assertThat(CsvCells.escape("+7")).isEqualTo("+7");
        assertThat(CsvCells.escape("Summit Foods")).isEqualTo("Summit Foods");
        assertThat(CsvCells.escape("O'Brien")).isEqualTo("O'Brien");
        assertThat(CsvCells.escape("")).isEmpty();
        assertThat(CsvCells.escape(null)).isEmpty();
    }

    @Test
    void everyValueComesBackExactly() {
        for (String value : List.of("=1+1", "'=1+1", "''=1+1", "'", "''", "'plain", "-12.50", "'-12.50", "-", "--x",
                "@", "+", "O'Brien", "'quoted'", "a=b", "\t", "\r\n", "=", "' =x", "")) {
            assertThat(CsvCells.unescape(CsvCells.escape(value))).as(value).isEqualTo(value);
        }
        // a cell typed by hand that is not an escaped formula is read as it is
        assertThat(CsvCells.unescape("'plain")).isEqualTo("'plain");
        assertThat(CsvCells.unescape("'=1+1")).isEqualTo("=1+1");
    }

    @Test
    void reportAndListExportsEscapeTooInBothFlavours() {
        ReportTable table = new ReportTable("Clients", null, List.of(new ReportTable.Column("name", ReportTable.Kind.TEXT),
                new ReportTable.Column("balance", ReportTable.Kind.MONEY)),
                List.<List<Object>>of(List.<Object>of("=HYPERLINK(\"x\")", Money.of(-1250, "EUR"))),
                null);
        StringWriter plain = new StringWriter();
        TableExport.csv(table, new TableExport.CsvOptions(false, false), plain);
        assertThat(plain.toString()).contains("\"'=HYPERLINK(\"\"x\"\")\",-12.50");
        StringWriter excel = new StringWriter();
        TableExport.csv(table, new TableExport.CsvOptions(true, false), excel);
        assertThat(excel.toString()).startsWith("\ufeff").contains("\"'=HYPERLINK(\"\"x\"\")\";-12,50");
    }
}
