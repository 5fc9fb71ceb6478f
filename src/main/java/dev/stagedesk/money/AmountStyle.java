package dev.stagedesk.money;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;

/**
 * How typed amounts are written, so {@link MoneyFormat#parse(String, java.util.Currency, AmountStyle)} reads them
 * by an explicit rule instead of dropping separators it does not know.
 * <ul>
 * <li>{@link #FILE}: CSV cells and command-line options. A dot or a comma before the decimals; a thousands
 * separator only where it cannot be the decimal one ({@code 1.250,50}, {@code 1,250.50}, {@code 1 250,50});
 * a value that reads two ways ({@code 1,250}) is refused.</li>
 * <li>{@link #of(Locale)}: the console, by the user's number format: the locale's decimal separator, and its
 * thousands separator (or a space) in groups of three.</li>
 * </ul>
 */
public final class AmountStyle {
    /** The documented rule of CSV files and the command line. */
    public static final AmountStyle FILE = new AmountStyle(null, '.', ',');

    private final Locale locale;
    private final char decimal;
    private final char grouping;

    private AmountStyle(Locale locale, char decimal, char grouping) {
        this.locale = locale;
        this.decimal = decimal;
        this.grouping = grouping;
    }

    /**
     * The number format of {@code locale} (the console passes {@code Locale.getDefault(Locale.Category.FORMAT)}).
     * A locale whose separators are neither a dot nor a comma (Arabic digits' separators) falls back to {@link #FILE}.
     */
    public static AmountStyle of(Locale locale) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        char d = symbols.getMonetaryDecimalSeparator();
        if (d != '.' && d != ',') {
            d = symbols.getDecimalSeparator();
        }
        if (d != '.' && d != ',') {
            return FILE;
        }
        char g = normalise(symbols.getGroupingSeparator());
        if (g == d || g == 0) {
            g = ' ';
        }
        return new AmountStyle(locale, d, g);
    }

    /** The console's style on this computer. */
    public static AmountStyle console() {
        return of(Locale.getDefault(Locale.Category.FORMAT));
    }

    boolean isFile() {
        return locale == null;
    }

    char decimal() {
        return decimal;
    }

    char grouping() {
        return grouping;
    }

    /** The locale this style reads by; null for {@link #FILE}. */
    public Locale locale() {
        return locale;
    }

    /** An amount as a user of this style types it: the decimal separator, no grouping ("1234,50"). */
    public String input(long minor, Currency currency) {
        String plain = BigDecimal.valueOf(minor, Currencies.fractionDigits(currency)).toPlainString();
        return isFile() ? plain : plain.replace('.', decimal);
    }

    /**
     * An amount as this style shows it on screen, grouped in thousands: "1.250,50" (German), "1,250.50" (UK),
     * "1\u00a0250,50" (French: a no-break space groups). {@link #FILE} shows "1,250.50". What it shows, this style
     * reads back ({@link MoneyFormat#parse(String, java.util.Currency, AmountStyle)}).
     */
    public String display(long minor, Currency currency) {
        int digits = Currencies.fractionDigits(currency);
        String english = String.format(Locale.ROOT, "%,." + digits + "f", BigDecimal.valueOf(minor, digits));
        if (isFile()) {
            return english;
        }
        char g = grouping == ' ' ? '\u00a0' : grouping;
        StringBuilder out = new StringBuilder(english.length());
        for (char c : english.toCharArray()) {
            out.append(c == ',' ? g : c == '.' ? decimal : c);
        }
        return out.toString();
    }

    /** "1.234,56" or "1,234.56": how this style writes a thousand and some cents, for messages. */
    public String example() {
        if (isFile()) {
            return "1234.56";
        }
        String g = grouping == ' ' ? "\u00a0" : String.valueOf(grouping);
        return "1" + g + "234" + decimal + "56";
    }

    /** Space-like characters read as one space; apostrophes (Swiss grouping) as one apostrophe; else 0 or itself. */
    static char normalise(char c) {
        return switch (c) {
            case ' ', '\u00a0', '\u202f', '\u2009', '\u2007' -> ' ';
            case '\'', '\u2019' -> '\'';
            case '.', ',' -> c;
            default -> 0;
        };
    }

    @Override
    public String toString() {
        return isFile() ? "AmountStyle[FILE]" : "AmountStyle[" + locale + "]";
    }
}
