package dev.stagedesk.common;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * User-facing text from {@code i18n/messages.properties} (English) and {@code messages_de.properties} (German). A
 * resource bundle is read-only data, not a service, so a static accessor is the simplest honest shape (as JabRef's
 * {@code Localization.lang}). {@link #tr(String, Object...)} speaks the console's language ({@link #use}: the
 * user's choice in Settings → Appearance, else the operating system's); {@link #tr(Locale, String, Object...)} a
 * given one (documents in their client's language).
 */
public final class I18n {
    private static final String BASE = "i18n.messages";
    /**
     * Only the asked language, then the English base file: never the JVM's default locale in between (the default
     * control would give a German computer's German text to an English client's invoice).
     */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final Map<Locale, ResourceBundle> BUNDLES = new ConcurrentHashMap<>();
    private static volatile Language language = Language.system();

    private I18n() {
    }

    /** The console's language from now on (the screens built after this call speak it). */
    public static void use(Language chosen) {
        language = chosen == null ? Language.system() : chosen;
    }

    /** The language {@link #tr(String, Object...)} speaks. */
    public static Language language() {
        return language;
    }

    /**
     * The text for {@code key} in the console's language, with {0}, {1} ... replaced by {@code args} (numbers,
     * dates and times in the console's format locale).
     */
    public static String tr(String key, Object... args) {
        return format(bundle(language.locale()), Locale.getDefault(Locale.Category.FORMAT), key, args);
    }

    /**
     * The text for {@code key} in the language of {@code locale} (English when there is no such translation), its
     * numbers, dates and times written in that locale ({@code Locale.GERMANY}: "04.12.2026", "1.250").
     */
    public static String tr(Locale locale, String key, Object... args) {
        return format(bundle(locale), locale, key, args);
    }

    /** The bundle of a locale's language (English, the base file, for a language without its own). */
    public static ResourceBundle bundle(Locale locale) {
        Locale language = Locale.forLanguageTag(locale.getLanguage());
        return BUNDLES.computeIfAbsent(language, l -> ResourceBundle.getBundle(BASE, l, NO_FALLBACK));
    }

    private static String format(ResourceBundle bundle, Locale formats, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, formats).format(forPeople(args, formats));
    }


    /**
     * Dates and times among the arguments in the people's style ({@link DateStyle}, the format locale), not their
     * ISO {@code toString()}: a message is read by a person; files never go through the bundle.
     */
    private static Object[] forPeople(Object[] args, Locale l) {
        Object[] out = args;
        for (int i = 0; i < args.length; i++) {
            Object shown = shown(args[i], l);
            if (shown != args[i]) {
                if (out == args) {
                    out = args.clone();
                }
                out[i] = shown;
            }
        }
        return out;
    }

    private static Object shown(Object arg, Locale l) {
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
