package dev.stagedesk.common;

import java.text.MessageFormat;
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
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.getDefault()).format(args);
    }
}
