package dev.stagedesk.ui;

import dev.stagedesk.money.Currencies;
import dev.stagedesk.money.MoneyFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;

/** How values look on screen. */
public final class Format {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);

    private Format() {
    }

    public static String money(long minor, String currencyCode) {
        Currency c = Currencies.find(currencyCode);
        return c == null ? Long.toString(minor) : MoneyFormat.display(minor, c);
    }

    public static String money(Long minor, String currencyCode) {
        return minor == null ? "" : money(minor.longValue(), currencyCode);
    }

    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** In the event's own zone, as the people on site see it. */
    public static String dateTime(Instant instant, String zone) {
        if (instant == null) {
            return "";
        }
        ZoneId z = zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
        return DATE_TIME.format(instant.atZone(z));
    }

    public static String percent(int basisPoints) {
        return java.math.BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString() + " %";
    }

    public static String text(String s) {
        return s == null ? "" : s;
    }

    public static String coordinate(Double d) {
        return d == null ? "" : String.format(Locale.ROOT, "%.5f", d);
    }

    /** BOOKING_STATUS -> "Booking status" */
    public static String enumLabel(String name) {
        if (name == null) {
            return "";
        }
        String s = name.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
