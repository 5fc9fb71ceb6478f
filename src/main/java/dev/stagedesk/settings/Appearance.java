package dev.stagedesk.settings;

import dev.stagedesk.common.Language;
import java.util.Optional;

/**
 * The console's look and language, which the window showing the screens owns: Settings → Appearance asks it to
 * switch the theme, and tells it the language the user chose (already stored as their preference).
 */
public interface Appearance {
    void toggleTheme();

    /**
     * The user chose the console's language (empty: the operating system's), already stored. Returns whether the
     * console speaks it now (the window rebuilt its screens in it); false: it applies at the next sign-in.
     */
    boolean languageChosen(Optional<Language> chosen);

    /** Only the theme switches at once; a chosen language applies at the next sign-in. */
    static Appearance themeOnly(Runnable toggleTheme) {
        return new Appearance() {
            @Override
            public void toggleTheme() {
                toggleTheme.run();
            }

            @Override
            public boolean languageChosen(Optional<Language> chosen) {
                return false;
            }
        };
    }
}
