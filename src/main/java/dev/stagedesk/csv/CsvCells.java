package dev.stagedesk.csv;

import java.util.regex.Pattern;

/**
 * Keeps exported cells from running as spreadsheet formulas (CSV injection, OWASP "CSV Injection"): a cell that
 * begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading single quote,
 * so Excel and LibreOffice show it as text. Plain numbers ({@code -12.50}, {@code -12,50}) are data and stay as
 * they are. {@link #unescape} reverses it exactly, so an exported value imports back unchanged.
 */
public final class CsvCells {
    /** A number as exports write it: optional sign, digits, optional decimals after a dot or comma. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+([.,]\\d+)?");

    private CsvCells() {
    }

    /** True when a spreadsheet would read {@code value} as a formula. */
    static boolean risky(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char c = value.charAt(0);
        return (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r')
                && !NUMBER.matcher(value).matches();
    }

    /**
     * True for a value that gets the quote: a risky one, or one that already looks escaped (a quote before such a
     * value), so that {@code '=A1} typed by a user also comes back as {@code '=A1}.
     */
    private static boolean quoted(String value) {
        int i = 0;
        while (i < value.length() && value.charAt(i) == '\'') {
            i++;
        }
        return risky(value.substring(i));
    }

    /** The cell as written to a CSV file. */
    public static String escape(String value) {
        if (value == null) {
            return "";
        }
        return quoted(value) ? "'" + value : value;
    }

    /** The value a cell of an exported file stands for (the inverse of {@link #escape}). */
    public static String unescape(String cell) {
        if (cell == null || cell.isEmpty() || cell.charAt(0) != '\'') {
            return cell;
        }
        String rest = cell.substring(1);
        return quoted(rest) ? rest : cell;
    }
}
