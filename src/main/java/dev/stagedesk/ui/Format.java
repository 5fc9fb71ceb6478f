package dev.stagedesk.ui;

import dev.stagedesk.common.DateStyle;
import dev.stagedesk.common.Durations;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.money.MoneyFormat;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * How values look on screen: one date style (the locale's medium date, "4 Dec 2026" in the UK, "04.12.2026" in
 * Germany) and one time style (the locale's short time) everywhere, in the locale of the console
 * ({@link UiContext#locale()}, set through {@link #use}). Files keep ISO (CSV, .ics): they are data.
 */
public final class Format {
    private static volatile Locale locale = Locale.getDefault(Locale.Category.FORMAT);
    /** The agency's zone once the console has read it (UTC before, as {@code AgencyClock}); never the machine's. */
    private static volatile ZoneId agencyZone = ZoneOffset.UTC;

    private Format() {
    }

    /**
     * The locale dates and times are shown in; {@link UiContext} sets it when the console starts. It also becomes
     * the JVM's format locale, because the calendar (CalendarFX: its time scale and entries use the locale's short
     * time) and the date pickers read that one: so a UK console shows 24-hour times in the calendar too, and a US
     * one 12-hour times everywhere, never a mix.
     */
    public static void use(Locale screenLocale) {
        locale = screenLocale == null ? Locale.getDefault(Locale.Category.FORMAT) : screenLocale;
        Locale.setDefault(Locale.Category.FORMAT, locale);
    }

    public static Locale locale() {
        return locale;
    }

    /**
     * The agency's time zone (Settings), which the console reads from the store when it starts and when the agency
     * is saved: times given without a zone of their own are shown in it, not in the machine's zone.
     */
    public static void useAgencyZone(ZoneId zone) {
        agencyZone = zone == null ? ZoneOffset.UTC : zone;
    }

    public static ZoneId agencyZone() {
        return agencyZone;
    }

    public static DateTimeFormatter dateStyle(Locale l) {
        return DateStyle.date(l);
    }

    public static DateTimeFormatter timeStyle(Locale l) {
        return DateStyle.time(l);
    }

    /** Whether the locale writes times on a 24-hour clock (the calendar follows it). */
    public static boolean twentyFourHour(Locale l) {
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(null, FormatStyle.SHORT,
                IsoChronology.INSTANCE, l);
        return pattern.indexOf('H') >= 0 || pattern.indexOf('k') >= 0;
    }

    /** An amount on screen in the console's locale ("1.250,50 EUR" in Germany, "1,250.50 EUR" in the UK). */
    public static String money(long minor, String currencyCode) {
        Currency c = Currencies.find(currencyCode);
        return c == null ? Long.toString(minor) : MoneyFormat.display(minor, c, locale);
    }

    public static String money(Long minor, String currencyCode) {
        return minor == null ? "" : money(minor.longValue(), currencyCode);
    }

    public static String date(LocalDate date) {
        return date(date, locale);
    }

    /** "December" / "Dezember": a month's name in the console's locale. */
    public static String month(Month month) {
        return month.getDisplayName(TextStyle.FULL, locale);
    }

    /** "Dec" / "Dez.": a month's short name in the console's locale (chart axes). */
    public static String monthShort(Month month) {
        return month.getDisplayName(TextStyle.SHORT, locale);
    }

    /** "December 2026": a month heading in the console's locale. */
    public static String monthYear(YearMonth month) {
        return month(month.getMonth()) + " " + month.getYear();
    }

    /** "Friday" / "Freitag": a weekday's name in the console's locale. */
    public static String day(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, locale);
    }

    /** "Fri" / "Fr.": a weekday's short name in the console's locale (calendar column heads). */
    public static String dayShort(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, locale);
    }


    public static String date(LocalDate date, Locale l) {
        return date == null ? "" : dateStyle(l).format(date);
    }

    /**
     * A date typed into a date field: in the screen's style ("4 Dec 2026"), the locale's short style
     * ("04/12/2026") or ISO ("2026-12-04"); null for blank text.
     */
    public static LocalDate parseDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        for (DateTimeFormatter f : List.of(dateStyle(locale),
                DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale), DateTimeFormatter.ISO_LOCAL_DATE)) {
            try {
                return LocalDate.parse(t, f);
            } catch (DateTimeParseException tryNext) {
                // the next style
            }
        }
        throw new DateTimeParseException("not a date", t, 0);
    }

    public static String time(LocalTime time) {
        return time(time, locale);
    }

    public static String time(LocalTime time, Locale l) {
        return time == null ? "" : timeStyle(l).format(time);
    }

    /** In the event's own zone, as the people on site see it. */
    public static String dateTime(Instant instant, String zone) {
        return dateTime(instant, zone(zone), locale);
    }

    public static String dateTime(Instant instant, ZoneId zone) {
        return dateTime(instant, zone, locale);
    }

    public static String dateTime(Instant instant, ZoneId zone, Locale l) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime at = instant.atZone(zone == null ? agencyZone : zone);
        return dateStyle(l).format(at) + " " + timeStyle(l).format(at);
    }

    /** The time of day only, in the zone. */
    public static String time(Instant instant, ZoneId zone) {
        return instant == null ? "" : timeStyle(locale).format(instant.atZone(zone == null ? agencyZone : zone));
    }

    /** "5 h 10 min", "2 days 3 h" ({@link Durations}). */
    public static String duration(Duration d) {
        return Durations.text(d);
    }

    public static String percent(int basisPoints) {
        return BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString() + " %";
    }

    public static String text(String s) {
        return s == null ? "" : s;
    }

    public static String coordinate(Double d) {
        return d == null ? "" : String.format(Locale.ROOT, "%.5f", d);
    }

    private static ZoneId zone(String zone) {
        if (zone == null) {
            return agencyZone;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            return agencyZone;
        }
    }
}
