package dev.stagedesk.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The German bundle ({@code messages_de.properties}) says the same things as the English one: the same keys, the
 * same arguments with the same format types, patterns that parse and format, and German words rather than English
 * ones left behind. New English keys need their German in the same change (the build says which).
 */
class GermanBundleTest {
    private static final Path ENGLISH = Path.of("src/main/resources/i18n/messages.properties");
    private static final Path GERMAN = Path.of("src/main/resources/i18n/messages_de.properties");

    /** An argument with its format type and style: {0}, {0,number,integer}, {1,choice,...} (choice style left off). */
    private static final Pattern ARGUMENT = Pattern.compile("\\{\\s*(\\d+)\\s*(?:,\\s*(\\w+)\\s*(?:,\\s*([^,{}|]*))?)?");

    /**
     * Keys whose German text is the English text, on purpose: brand and product names, words German uses as they
     * are (Name, Status, Region, Budget, Act, Genre, Route, Basis, Format, Passphrase, Administrator), unit symbols
     * (h, min, km) and texts that are only arguments and punctuation. Any other identical text is an English word left
     * untranslated. A key listed here that stops being identical fails too, so the list stays exact.
     */
    private static final Set<String> SAME_IN_BOTH = Set.of(
            // brand and product names
            "app.title", "app.titleWithAgency", "map.google", "map.kind.google", "enum.PaymentMethod.PAYPAL",
            "list.exportCsv", "list.exportPdf",
            // words German uses unchanged
            "client.name", "venue.name", "users.displayName", "package.name", "client.region", "venue.region",
            "inquiry.status", "booking.status", "payout.status", "invoice.status", "hold.statusColumn",
            "inquiry.budget", "performer.acts", "assignment.act", "performer.filterAct", "performer.genres",
            "performer.filterGenre", "passphrase.prompt", "statement.format", "report.basis", "map.layer.route",
            "enum.Role.ADMIN", "quote.versionLine",
            // unit symbols
            "route.hoursMinutes", "route.minutes", "duration.minutes", "duration.hours", "duration.hoursMinutes",
            "map.legText",
            // only arguments and punctuation
            "cli.invoice.credited", "map.window", "audit.say.generic", "audit.say.genericBare", "audit.change.value",
            "payout.gigLine", "payout.gigNumber", "payout.gigNumberRole");

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    /** The text MessageFormat reads as pattern: quoted parts ('...') are literal, '' is an apostrophe. */
    private static String unquoted(String text) {
        return text.replace("''", "").replaceAll("'[^']*'", "");
    }

    /** Every argument of a text, nested choice parts included, as "index,type,style". */
    static Set<String> arguments(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(unquoted(text));
        while (m.find()) {
            String type = m.group(2) == null ? "" : m.group(2);
            String style = "choice".equals(type) || m.group(3) == null ? "" : m.group(3).trim();
            out.add(m.group(1) + "," + type + "," + style);
        }
        return out;
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Set<String> english = load(ENGLISH).stringPropertyNames();
        Set<String> german = load(GERMAN).stringPropertyNames();
        Set<String> onlyEnglish = new TreeSet<>(english);
        onlyEnglish.removeAll(german);
        Set<String> onlyGerman = new TreeSet<>(german);
        onlyGerman.removeAll(english);
        assertThat(onlyEnglish).as("keys without German text").isEmpty();
        assertThat(onlyGerman).as("German keys the English bundle does not have").isEmpty();
    }

    @Test
    void germanTextsTakeTheSameArguments() throws IOException {
        Properties en = load(ENGLISH);
        Properties de = load(GERMAN);
        Map<String, String> differ = new TreeMap<>();
        for (String key : en.stringPropertyNames()) {
            String german = de.getProperty(key);
            if (german != null && !arguments(en.getProperty(key)).equals(arguments(german))) {
                differ.put(key, arguments(en.getProperty(key)) + " vs " + arguments(german));
            }
        }
        assertThat(differ).isEmpty();
    }

    @Test
    void germanTextsParseAndFormatWhereTheEnglishDo() throws IOException {
        Properties en = load(ENGLISH);
        Properties de = load(GERMAN);
        List<String> bad = new ArrayList<>();
        for (String key : en.stringPropertyNames()) {
            String german = de.getProperty(key);
            if (german == null) {
                continue;
            }
            MessageFormat english;
            try {
                english = new MessageFormat(en.getProperty(key), Locale.GERMANY);
            } catch (IllegalArgumentException e) {
                continue;
            }
            try {
                MessageFormat format = new MessageFormat(german, Locale.GERMANY);
                for (long n : new long[] {0, 1, 2, 1250}) {
                    Object[] args = sample(english, n);
                    format.format(args);
                }
            } catch (IllegalArgumentException e) {
                bad.add(key + ": " + e.getMessage());
            }
        }
        assertThat(bad).isEmpty();
    }

    /** Arguments of the types the English text formats: a number where it counts or chooses, else a word. */
    private static Object[] sample(MessageFormat english, long n) {
        var formats = english.getFormatsByArgumentIndex();
        Object[] args = new Object[Math.max(formats.length, 10)];
        for (int i = 0; i < args.length; i++) {
            args[i] = i < formats.length && formats[i] != null ? (Object) n : "x" + i;
        }
        return args;
    }

    /** In a German text with arguments a lone apostrophe would start a quoted part and swallow what follows. */
    @Test
    void germanTextsWithArgumentsDoubleTheirApostrophes() throws IOException {
        Properties de = load(GERMAN);
        Set<String> bad = new TreeSet<>();
        for (String key : de.stringPropertyNames()) {
            String text = de.getProperty(key);
            if (text.matches("(?s).*\\{\\d.*") && text.replace("''", "").contains("'")) {
                bad.add(key);
            }
        }
        assertThat(bad).isEmpty();
    }

    /** Line breaks and the spaces at either end (the prompts "Passwort: ") are part of the layout, not the words. */
    @Test
    void germanTextsKeepLineBreaksAndOuterSpaces() throws IOException {
        Properties en = load(ENGLISH);
        Properties de = load(GERMAN);
        Set<String> bad = new TreeSet<>();
        for (String key : en.stringPropertyNames()) {
            String e = en.getProperty(key);
            String g = de.getProperty(key);
            if (g == null) {
                continue;
            }
            boolean sameBreaks = e.split("\n", -1).length == g.split("\n", -1).length;
            boolean sameLead = leading(e).equals(leading(g));
            boolean sameTrail = trailing(e).equals(trailing(g));
            if (!sameBreaks || !sameLead || !sameTrail) {
                bad.add(key);
            }
        }
        assertThat(bad).isEmpty();
    }

    private static String leading(String s) {
        return s.substring(0, s.length() - s.stripLeading().length());
    }

    private static String trailing(String s) {
        return s.substring(s.stripTrailing().length());
    }

    @Test
    void onlyTheListedTextsAreTheSameInEnglish() throws IOException {
        Properties en = load(ENGLISH);
        Properties de = load(GERMAN);
        Set<String> same = new TreeSet<>();
        for (String key : en.stringPropertyNames()) {
            if (en.getProperty(key).equals(de.getProperty(key))) {
                same.add(key);
            }
        }
        Set<String> untranslated = new TreeSet<>(same);
        untranslated.removeAll(SAME_IN_BOTH);
        Set<String> stale = new TreeSet<>(SAME_IN_BOTH);
        stale.removeAll(same);
        assertThat(untranslated).as("German texts that are still the English text").isEmpty();
        assertThat(stale).as("keys listed as identical that no longer are (take them off the list)").isEmpty();
    }

    /** The bundle Java finds for German is this file, read as UTF-8 (umlauts intact), with English as fallback. */
    @Test
    void javaFindsTheGermanBundle() {
        ResourceBundle german = ResourceBundle.getBundle("i18n.messages", Locale.GERMANY);
        assertThat(german.getString("action.delete")).isEqualTo("Löschen");
        assertThat(german.getString("invoice.title.credit")).isEqualTo("Rechnungskorrektur");
        assertThat(new MessageFormat(german.getString("audit.intact"), Locale.GERMANY).format(new Object[] {1250}))
                .isEqualTo("Prüfprotokoll intakt (1.250 Einträge).");
        ResourceBundle english = ResourceBundle.getBundle("i18n.messages", Locale.UK);
        assertThat(english.getString("action.delete")).isEqualTo("Delete");
    }

    /** A sentence with a weekday the JDK names reads in one language: the bundle's ({@link I18n#language()}). */
    @Test
    void aSeriesSentenceReadsInOneLanguage() {
        assertThat(I18n.language()).isEqualTo(Language.EN);
        ResourceBundle german = ResourceBundle.getBundle("i18n.messages", Locale.GERMANY);
        assertThat(german.getLocale().getLanguage()).isEqualTo("de");
        String friday = DayOfWeek.FRIDAY.getDisplayName(TextStyle.FULL, german.getLocale());
        String until = DateStyle.date(Locale.GERMANY).format(LocalDate.of(2027, 6, 30));
        assertThat(new MessageFormat(german.getString("series.monthly"), Locale.GERMANY)
                .format(new Object[] {german.getString("series.nth.1"), friday, until}))
                .isEqualTo("Jeden ersten Freitag im Monat, bis 30.06.2027");
    }

    @Test
    void argumentsAreReadWithTheirFormatTypes() {
        assertThat(arguments("{0,choice,0#{0,number,integer} Kunden|1#1 Kunde|1<{0,number,integer} Kunden} in {1}"))
                .containsExactly("0,choice,", "0,number,integer", "1,,");
        assertThat(arguments("''{0}'' und '{1}'")).containsExactly("0,,");
        assertThat(arguments("Zeile {0,number,#}")).containsExactly("0,number,#");
    }
}
