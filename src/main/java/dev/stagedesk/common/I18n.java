package dev.stagedesk.common;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * User-facing text from {@code i18n/messages.properties}. A resource bundle is read-only data, not a
 * service, so a static accessor is the simplest honest shape (as JabRef's {@code Localization.lang}).
 */
public final class I18n {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("i18n.messages", Locale.getDefault());

    private I18n() {
    }

    /** The text for {@code key}, with {0}, {1} ... replaced by {@code args}. */
    public static String tr(String key, Object... args) {
        String pattern;
        try {
            pattern = BUNDLE.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.getDefault()).format(forPeople(args));
    }

    /**
     * The language of the texts: the locale of the bundle found (German for {@code messages_de}), English for the
     * base file. Words the JDK spells out next to our texts (weekday and month names) use it, so a sentence such as
     * "Jeden ersten Freitag im Monat" is in one language.
     */
    public static Locale language() {
        Locale l = BUNDLE.getLocale();
        return l == null || l.getLanguage().isEmpty() ? Locale.ENGLISH : l;
    }

    /**
     * Dates and times among the arguments in the people's style ({@link DateStyle}, the format locale), not their
     * ISO {@code toString()}: a message is read by a person; files never go through the bundle.
     */
    private static Object[] forPeople(Object[] args) {
        Object[] out = args;
        for (int i = 0; i < args.length; i++) {
            Object shown = shown(args[i]);
            if (shown != args[i]) {
                if (out == args) {
                    out = args.clone();
                }
                out[i] = shown;
            }
        }
        return out;
    }

    private static Object shown(Object arg) {
        Locale l = Locale.getDefault(Locale.Category.FORMAT);
        if (arg instanceof LocalDate d) {
            return DateStyle.date(l).format(d);
        }
        if (arg instanceof LocalTime t) {
            return DateStyle.time(l).format(t);
        }
        if (arg instanceof LocalDateTime dt) {
            return DateStyle.date(l).format(dt) + " " + DateStyle.time(l).format(dt);
        }
        return arg;
    }
}
