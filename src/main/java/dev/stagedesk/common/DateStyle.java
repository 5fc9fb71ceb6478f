package dev.stagedesk.common;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * The one style of dates and times written for people: the locale's medium date ("4 Dec 2026", "04.12.2026") and
 * short time. {@code ui.Format} shows screen values with it, and {@link I18n#tr} writes date and time arguments of a
 * message with it, so a sentence such as "Receivables at …" reads like the table beside it. Files (CSV, .ics) keep ISO.
 */
public final class DateStyle {
    private DateStyle() {
    }

    public static DateTimeFormatter date(Locale l) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(l);
    }

    public static DateTimeFormatter time(Locale l) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(l);
    }
}
