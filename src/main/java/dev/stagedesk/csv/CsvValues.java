package dev.stagedesk.csv;

import dev.stagedesk.common.FieldError;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.Validator;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Dates and times as CSV rows hold them: local "2027-03-13 19:00" in the row's own time zone, dates ISO. */
public final class CsvValues {
    public static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private CsvValues() {
    }

    public static String text(String value) {
        return value == null ? "" : value;
    }

    public static String local(Instant instant, String zone) {
        return instant == null ? "" : LocalDateTime.ofInstant(instant, ZoneId.of(zone)).format(LOCAL);
    }

    public static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    /** A zone name, or null with an error on {@code field}. */
    public static ZoneId zone(String field, String text, Validator v) {
        try {
            return ZoneId.of(text == null ? "" : text.strip());
        } catch (DateTimeException e) {
            v.add(new FieldError(field, I18n.tr("agency.timeZone.unknown", text == null ? "" : text.strip())));
            return null;
        }
    }

    /** "2027-03-13 19:00" in {@code zone}; null when blank; an error on {@code field} when unreadable. */
    public static Instant local(String field, String text, ZoneId zone, Validator v) {
        if (text == null || text.isBlank() || zone == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip().replace('T', ' '), LOCAL).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            v.add(new FieldError(field, I18n.tr("csv.dateTime", text.strip())));
            return null;
        }
    }

    public static LocalDate date(String field, String text, Validator v) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            v.add(new FieldError(field, I18n.tr("validation.date", text.strip())));
            return null;
        }
    }
}
