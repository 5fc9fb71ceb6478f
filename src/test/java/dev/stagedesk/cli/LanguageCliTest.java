package dev.stagedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.Language;
import dev.stagedesk.db.DataFolder;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line speaks --lang, else STAGEDESK_LANG, else the signed-in user's choice of Settings; the messages are
 * the bundle's of that language, and the process's language is as before afterwards.
 */
class LanguageCliTest {
    @TempDir
    Path tmp;

    @AfterEach
    void english() {
        I18n.use(Language.system());
    }

    /** "There is no invoice NOPE." in {@code locale}'s bundle (German once messages_de.properties is there). */
    static String unknownInvoice(Locale locale) {
        return I18n.tr(locale, "invoice.unknownNumber", "NOPE");
    }

    CliTest.Run invoicePdf(Map<String, String> env, String... lang) {
        Path store = tmp.resolve("store");
        String[] args = new String[lang.length + 7];
        System.arraycopy(lang, 0, args, 0, lang.length);
        System.arraycopy(new String[] {"--data", store.toString(), "invoice", "pdf", "NOPE", "--out",
                tmp.resolve("x.pdf").toString()}, 0, args, lang.length, 7);
        return CliTest.runAs(env, args);
    }

    @Test
    void langOptionEnvironmentAndStoredChoice() {
        CliTest.initStore(tmp.resolve("store"));
        Language before = I18n.language();
        CliTest.Run english = invoicePdf(CliTest.ADMIN);
        assertThat(english.code()).isEqualTo(2);
        assertThat(english.err()).contains(unknownInvoice(Locale.ENGLISH));

        CliTest.Run option = invoicePdf(CliTest.ADMIN, "--lang", "de");
        assertThat(option.err()).contains(unknownInvoice(Locale.GERMAN));
        assertThat(I18n.language()).as("restored after the run").isEqualTo(before);

        Map<String, String> env = new HashMap<>(CliTest.ADMIN);
        env.put("STAGEDESK_LANG", "de");
        assertThat(invoicePdf(env).err()).contains(unknownInvoice(Locale.GERMAN));

        // the language the admin chose in the console's Settings
        try (AppContext app = AppContext.open(DataFolder.resolve(tmp.resolve("store").toString()))) {
            app.settings.chooseLanguage(app.users.signIn("admin", CliTest.PASSWORD.toCharArray()), Language.DE);
        }
        assertThat(invoicePdf(CliTest.ADMIN).err()).contains(unknownInvoice(Locale.GERMAN));
        env.put("STAGEDESK_LANG", "en");
        assertThat(invoicePdf(env).err()).as("the environment wins over the stored choice")
                .contains(unknownInvoice(Locale.ENGLISH));
        assertThat(I18n.language()).isEqualTo(before);
    }

    @Test
    void anUnknownLanguageIsRefused() {
        CliTest.Run r = CliTest.run("--lang", "fr", "--version");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("fr", "en, de");
    }
}
