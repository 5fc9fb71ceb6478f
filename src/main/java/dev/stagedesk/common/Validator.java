package dev.stagedesk.common;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Collects field errors for one input and throws them all at once. */
public final class Validator {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^[+0-9 ()./-]{3,64}$");
    private static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2}$");

    private final List<FieldError> errors = new ArrayList<>();

    public Validator required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, I18n.tr("validation.required")));
        } else {
            maxLength(field, value, maxLength);
        }
        return this;
    }

    public Validator maxLength(String field, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            errors.add(new FieldError(field, I18n.tr("validation.tooLong", maxLength)));
        }
        return this;
    }

    public Validator email(String field, String value) {
        if (value != null && !value.isBlank() && !EMAIL.matcher(value).matches()) {
            errors.add(new FieldError(field, I18n.tr("validation.email", value)));
        }
        return maxLength(field, value, 254);
    }

    public Validator phone(String field, String value) {
        if (value != null && !value.isBlank() && !PHONE.matcher(value).matches()) {
            errors.add(new FieldError(field, I18n.tr("validation.phone", value)));
        }
        return this;
    }

    public Validator country(String field, String value) {
        if (value != null && !value.isBlank() && !COUNTRY.matcher(value).matches()) {
            errors.add(new FieldError(field, I18n.tr("validation.country", value)));
        }
        return this;
    }

    public Validator range(String field, Double value, double min, double max) {
        if (value != null && (value.isNaN() || value < min || value > max)) {
            errors.add(new FieldError(field, I18n.tr("validation.range", value, min, max)));
        }
        return this;
    }

    public Validator min(String field, Integer value, int min) {
        if (value != null && value < min) {
            errors.add(new FieldError(field, I18n.tr("validation.min", min)));
        }
        return this;
    }

    /** A time zone id such as "Europe/Berlin" (required). */
    public Validator timeZone(String field, String value) {
        boolean ok = false;
        if (value != null) {
            try {
                ZoneId.of(value);
                ok = true;
            } catch (DateTimeException e) {
                ok = false;
            }
        }
        return check(ok, field, I18n.tr("agency.timeZone.unknown", value));
    }

    public Validator check(boolean ok, String field, String message) {
        if (!ok) {
            errors.add(new FieldError(field, message));
        }
        return this;
    }

    public void add(FieldError error) {
        errors.add(error);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** A two-letter country code upper-cased ("de" -> "DE"); anything else as typed, for the message. */
    public static String countryCode(String value) {
        String v = clean(value);
        return v != null && v.matches("[A-Za-z]{2}") ? v.toUpperCase(Locale.ROOT) : v;
    }

    /** Blank text becomes null, other text is stripped: what is stored for optional fields. */
    public static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
