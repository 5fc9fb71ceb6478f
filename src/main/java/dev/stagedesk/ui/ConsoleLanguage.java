package dev.stagedesk.ui;

import dev.stagedesk.common.I18n;
import dev.stagedesk.common.Language;
import java.util.Locale;
import java.util.Optional;

/**
 * Makes the console speak a language: the texts of the screens built from now on ({@link I18n#use}) and, unless the
 * choice is the operating system's language, the format of dates and amounts ({@link Format#use}): German shows
 * "04.12.2026" and reads "1.250,50" — but a German user in Austria keeps de-AT, and a choice of "system default"
 * keeps the computer's own format. A {@link UiContext} created afterwards takes the new format locale.
 */
public final class ConsoleLanguage {
    private ConsoleLanguage() {
    }

    /** Returns the format locale the console now uses. */
    public static Locale apply(Optional<Language> chosen) {
        Language language = chosen.orElse(Language.system());
        I18n.use(language);
        // libraries with their own texts (CalendarFX's Day/Week/Month/Year) read the JVM's default locale when their
        // classes load: the chosen language becomes the default before the shell is built (a switch later in the
        // session reaches them at the next start)
        Locale.setDefault(language.locale());
        Locale formats = chosen.isPresent() ? language.screenFormats() : Language.systemFormats();
        Format.use(formats);
        return formats;
    }
}
