package dev.stagedesk.common;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages Stagedesk speaks: the console's (chosen per user in Settings → Appearance, else the operating
 * system's) and the documents' (per client, else the agency's document language). Stored as the ISO code
 * ({@code en}, {@code de}).
 */
public enum Language {
    EN("en", "English", Locale.UK),
    DE("de", "Deutsch", Locale.GERMANY);

    /**
     * The operating system's locale as the JVM started, before the console made its choice the format locale
     * ({@code ui.Format.use}): the "system default" language and, when that is the language chosen, its formats.
     */
    private static final Locale SYSTEM = Locale.getDefault();
    private static final Locale SYSTEM_FORMAT = Locale.getDefault(Locale.Category.FORMAT);

    private final String code;
    private final String endonym;
    private final Locale formats;

    Language(String code, String endonym, Locale formats) {
        this.code = code;
        this.endonym = endonym;
        this.formats = formats;
    }

    /** "en", "de": what the store, CSV files and the command line use. */
    public String code() {
        return code;
    }

    /** The language's name in itself ("Deutsch"): what a language picker shows, whatever the console speaks. */
    public String endonym() {
        return endonym;
    }

    /** The locale of this language's texts (the bundle {@code messages_<code>}). */
    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    /**
     * The locale dates and amounts are written in for this language when nothing else says (documents, and a console
     * whose operating system speaks another language): en-GB ("4 Dec 2026", "1,250.50"), de-DE ("04.12.2026",
     * "1.250,50").
     */
    public Locale formats() {
        return formats;
    }

    /**
     * The format locale of a console in this language: the operating system's own when it is of this language (a
     * German user in Austria keeps de-AT), else {@link #formats()}.
     */
    public Locale screenFormats() {
        return screenFormats(SYSTEM_FORMAT);
    }

    public Locale screenFormats(Locale system) {
        return system != null && code.equals(system.getLanguage()) ? system : formats;
    }

    /** The operating system's format locale (as the JVM started). */
    public static Locale systemFormats() {
        return SYSTEM_FORMAT;
    }

    /** The language of a locale: German for any German locale, else English (the language of every other one). */
    public static Language of(Locale locale) {
        return locale != null && "de".equals(locale.getLanguage()) ? DE : EN;
    }

    /** The operating system's language, English when it is one Stagedesk does not speak. */
    public static Language system() {
        return of(SYSTEM);
    }

    /** The language of a code ("de", "DE", " de "); empty for blank or an unknown code. */
    public static Optional<Language> ofCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.strip().toLowerCase(Locale.ROOT);
        for (Language l : values()) {
            if (l.code.equals(c)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** Every code, for messages that list them ("en, de"). */
    public static List<String> codes() {
        return Arrays.stream(values()).map(Language::code).toList();
    }
}
