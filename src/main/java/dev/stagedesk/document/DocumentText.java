package dev.stagedesk.document;

import dev.stagedesk.common.DateStyle;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.Language;
import dev.stagedesk.common.Parse;
import dev.stagedesk.money.MoneyFormat;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;

/**
 * The words, dates and amounts of one document in its reader's language: a quote, invoice or credit note in its
 * client's (else the agency's document language), a statement in the agency's. English: "4 Dec 2026",
 * "1,250.50 EUR"; German: "04.12.2026", "1.250,50 EUR". Labels come from the bundle of that language
 * ({@link I18n#tr(Locale, String, Object...)}), never from the console's language: a Munich client gets a German
 * invoice from an English-speaking agency.
 */
public final class DocumentText {
    private static final DateTimeFormatter EN_DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter EN_WEEKDAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DE_WEEKDAY = DateTimeFormatter.ofPattern("EEE, dd.MM.yyyy", Locale.GERMAN);

    private final Language language;

    private DocumentText(Language language) {
        this.language = language;
    }

    public static DocumentText of(Language language) {
        return new DocumentText(language == null ? Language.EN : language);
    }

    /** The client's language when set, else the agency's document language, else English. */
    public static DocumentText of(String clientLanguage, String agencyLanguage) {
        return of(Language.ofCode(clientLanguage).or(() -> Language.ofCode(agencyLanguage)).orElse(Language.EN));
    }

    public Language language() {
        return language;
    }

    /** The locale of the document's numbers and dates. */
    public Locale locale() {
        return language.formats();
    }

    public String tr(String key, Object... args) {
        return I18n.tr(locale(), key, args);
    }

    /** "4 Dec 2026" / "04.12.2026". */
    public String date(LocalDate date) {
        if (date == null) {
            return "";
        }
        return language == Language.EN ? date.format(EN_DAY) : DateStyle.date(locale()).format(date);
    }

    /** With the weekday: "Fri 4 Dec 2026" / "Fr., 04.12.2026". */
    public String weekdayDate(LocalDate date) {
        if (date == null) {
            return "";
        }
        return date.format(language == Language.EN ? EN_WEEKDAY : DE_WEEKDAY);
    }

    /** An event's start in its own zone: "Fri 4 Dec 2026, 20:30" / "Fr., 04.12.2026, 20:30". */
    public String weekdayDateTime(ZonedDateTime at) {
        return weekdayDate(at.toLocalDate()) + ", " + DateStyle.time(locale()).format(at);
    }

    /** "1,250.50 EUR" / "1.250,50 EUR". */
    public String money(long minor, Currency currency) {
        return language == Language.EN ? MoneyFormat.display(minor, currency)
                : MoneyFormat.display(minor, currency, locale());
    }

    /** A tax rate of basis points as the language writes it: "7.5" / "7,5" (the label adds " %"). */
    public String percent(int basisPoints) {
        String plain = Parse.percentText(basisPoints);
        return language == Language.EN ? plain : plain.replace('.', ',');
    }

    /** A count with the language's grouping: "1,200" / "1.200". */
    public String count(long n) {
        return String.format(locale(), "%,d", n);
    }
}
