package dev.stagedesk.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.common.Language;
import dev.stagedesk.common.ValidationException;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Role;
import dev.stagedesk.testing.TestStore;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's language is chosen per user, kept in the store, and anyone signed in may choose their own. */
class LanguagePreferenceTest {
    @TempDir
    Path dir;

    final Actor ana = new Actor(UUID.randomUUID(), "ana", EnumSet.of(Role.ADMIN));
    final Actor pia = new Actor(UUID.randomUUID(), "pia", EnumSet.of(Role.PERFORMER));

    @Test
    void eachUserKeepsTheirOwnLanguageAcrossReopening() {
        try (AppContext app = TestStore.open(dir)) {
            assertThat(app.settings.language(ana)).as("nothing chosen: the system's").isEmpty();
            assertThat(app.settings.chooseLanguage(pia, Language.DE)).contains(Language.DE);
            assertThat(app.settings.chooseLanguage(ana, Language.EN)).contains(Language.EN);
            assertThat(app.settings.language(pia)).contains(Language.DE);
            assertThat(app.settings.language(ana)).contains(Language.EN);
            assertThat(app.settings.language(Actor.owner())).as("a user-less owner has their own row").isEmpty();
        }
        try (AppContext app = TestStore.openEmpty(dir)) {
            assertThat(app.settings.language(pia)).contains(Language.DE);
            assertThat(app.settings.chooseLanguage(pia, null)).as("back to the system's").isEmpty();
            assertThat(app.settings.language(pia)).isEmpty();
            assertThat(app.auditLog.forEntity("user", pia.userId()))
                    .anySatisfy(e -> assertThat(e.action()).isEqualTo("choose-language"));
        }
    }

    @Test
    void anUnknownLanguageIsRefused() {
        try (AppContext app = TestStore.open(dir)) {
            assertThatThrownBy(() -> app.bus.execute(ana, new SettingsService.ChooseLanguage("fr")))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("fr");
            assertThat(app.settings.language(ana)).isEmpty();
        }
    }

    @Test
    void theConsoleFollowsTheOperatingSystemUnlessItSpeaksTheChosenLanguage() {
        assertThat(Language.DE.screenFormats(Locale.forLanguageTag("de-AT")))
                .as("a German user in Austria keeps Austrian formats").hasToString("de_AT");
        assertThat(Language.DE.screenFormats(Locale.UK)).isEqualTo(Locale.GERMANY);
        assertThat(Language.EN.screenFormats(Locale.US)).isEqualTo(Locale.US);
        assertThat(Language.EN.screenFormats(Locale.GERMANY)).isEqualTo(Locale.UK);
        assertThat(Language.of(Locale.forLanguageTag("fr-FR"))).as("others: English").isEqualTo(Language.EN);
        assertThat(Language.of(Locale.forLanguageTag("de-CH"))).isEqualTo(Language.DE);
    }
}
