package dev.stagedesk.common;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text to typed values for forms and CSV rows. A value that cannot be read becomes a field error (named by
 * the caller), never an exception from deep inside.
 */
public final class Parse {
    private Parse() {
    }

    public static Double decimal(String field, String text, Validator v) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(',', '.')).doubleValue();
        } catch (NumberFormatException e) {
            v.add(new FieldError(field, I18n.tr("validation.notNumber", text.strip())));
            return null;
        }
    }

    /**
     * An exchange rate such as {@code 1.0825} or {@code 1,0825}: one dot or one comma before the decimals, no
     * thousands separator (a rate has no grouping, so {@code 16,5} is sixteen and a half). Null when blank; anything
     * else is a field error that shows how to write it.
     */
    public static BigDecimal rate(String field, String text, Validator v) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.matches("[0-9]+([.,][0-9]+)?")) {
            return new BigDecimal(t.replace(',', '.'));
        }
        v.add(new FieldError(field, I18n.tr("parse.rate.notRate", t)));
        return null;
    }

    /** "12.5" (percent) to 1250 basis points; at most two decimals, 0 to 100. */
    public static int percentBp(String field, String text, Validator v) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            BigDecimal pct = new BigDecimal(text.strip().replace("%", "").strip().replace(',', '.'));
            if (pct.stripTrailingZeros().scale() > 2 || pct.signum() < 0 || pct.compareTo(BigDecimal.valueOf(100)) > 0) {
                v.add(new FieldError(field, I18n.tr("validation.percent")));
                return 0;
            }
            return pct.movePointRight(2).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            v.add(new FieldError(field, I18n.tr("validation.notNumber", text.strip())));
            return 0;
        }
    }

    /** Basis points back to the percent text {@link #percentBp} reads ("12.5"). */
    public static String percentText(int basisPoints) {
        return BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString();
    }

    /** A decimal as plain text that reads back to the same double ("52.52", never "5.2E1"). */
    public static String decimalText(Double value) {
        return value == null ? "" : BigDecimal.valueOf(value).toPlainString();
    }

    public static UUID uuid(String field, String text, Validator v) {
        if (text == null || text.isBlank()) {
            return null;
        }
        UUID id = strictUuid(text.strip());
        if (id == null) {
            v.add(new FieldError(field, I18n.tr("validation.uuid", text.strip())));
        }
        return id;
    }

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /**
     * The id written as 8-4-4-4-12 hex digits, or null. {@code UUID.fromString} alone also takes shortened groups
     * ("1-2-3-4-5", a digit missing from a group), which would turn a mistyped id into a different record.
     */
    public static UUID strictUuid(String text) {
        return text != null && UUID_TEXT.matcher(text).matches() ? UUID.fromString(text) : null;
    }

    /** A duration as minutes ("90") or hours and minutes ("1:30"); null when blank. */
    public static Integer minutes(String field, String text, Validator v) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher m = Pattern.compile("(\\d{1,4}):([0-5]\\d)|(\\d{1,6})").matcher(text.strip());
        if (!m.matches()) {
            v.add(new FieldError(field, I18n.tr("validation.duration", text.strip())));
            return null;
        }
        return m.group(3) != null ? Integer.parseInt(m.group(3))
                : Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
    }

    /** Minutes back to the "h:mm" text {@link #minutes} reads. */
    public static String minutesText(Integer minutes) {
        return minutes == null ? "" : minutes / 60 + ":" + String.format("%02d", minutes % 60);
    }

    /** "19:30" (or "9:30"); null with a field error when it is not a time. */
    public static LocalTime time(String field, String text, Validator v) {
        try {
            String t = text.strip();
            return LocalTime.parse(t.length() == 4 && t.charAt(1) == ':' ? "0" + t : t);
        } catch (DateTimeParseException | NullPointerException e) {
            v.add(new FieldError(field, I18n.tr("validation.time", text == null ? "" : text.strip())));
            return null;
        }
    }

    /**
     * A date and two times in a zone as [start, end); an end at or before the start is the next morning (a party
     * until 2:00). Null with field errors ({@code date}, {@code startField}, {@code endField}) when incomplete.
     */
    public static Instant[] window(LocalDate date, String from, String to, ZoneId zone,
                                             String startField, String endField, Validator v) {
        v.check(date != null, "date", I18n.tr("validation.required"));
        LocalTime a = time(startField, from, v);
        LocalTime b = time(endField, to, v);
        if (date == null || a == null || b == null) {
            return null;
        }
        return new Instant[] {date.atTime(a).atZone(zone).toInstant(),
                (b.isAfter(a) ? date : date.plusDays(1)).atTime(b).atZone(zone).toInstant()};
    }

    public static Integer integer(String field, String text, Validator v) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            v.add(new FieldError(field, I18n.tr("validation.notWholeNumber", text.strip())));
            return null;
        }
    }

    public static <E extends Enum<E>> E enumValue(String field, String text, Class<E> type, Validator v) {
        if (text == null || text.isBlank()) {
            v.add(new FieldError(field, I18n.tr("validation.required")));
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E c : type.getEnumConstants()) {
                allowed.append(allowed.length() == 0 ? "" : ", ").append(c.name());
            }
            v.add(new FieldError(field, I18n.tr("validation.oneOf", text.strip(), allowed)));
            return null;
        }
    }

    public static boolean bool(String field, String text, boolean fallback, Validator v) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> {
                v.add(new FieldError(field, I18n.tr("validation.boolean", text.strip())));
                yield fallback;
            }
        };
    }
}
