package dev.stagedesk.document;

import java.util.List;

/**
 * A report as a table, the one shape the screens show and the CSV and PDF exports write, so what is on screen
 * is what is exported. Cells are String (text), {@link dev.stagedesk.money.Money} (amounts) or Long (counts);
 * {@code totals} is the totals row (null when summing the columns means nothing).
 */
public record ReportTable(String title, String subtitle, List<Column> columns, List<List<Object>> rows,
                          List<Object> totals) {

    public enum Kind { TEXT, MONEY, COUNT }

    public record Column(String name, Kind kind) {
    }

    public static Column text(String name) {
        return new Column(name, Kind.TEXT);
    }

    public static Column money(String name) {
        return new Column(name, Kind.MONEY);
    }

    public static Column count(String name) {
        return new Column(name, Kind.COUNT);
    }
}
