package dev.stagedesk.document;

import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.payment.InvoiceKind;
import static dev.stagedesk.db.jooq.Tables.INVOICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.booking.Booking;
import dev.stagedesk.booking.BookingDraft;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.Language;
import dev.stagedesk.inquiry.InquiryDraft;
import dev.stagedesk.inquiry.Quote;
import dev.stagedesk.inquiry.QuoteDraft;
import dev.stagedesk.inquiry.QuoteLine;
import dev.stagedesk.performer.PerformerDraft;
import dev.stagedesk.security.Actor;
import dev.stagedesk.settings.BillingSettings;
import dev.stagedesk.testing.PdfText;
import dev.stagedesk.testing.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents speak their reader's language, whatever the console speaks: a client with language {@code de} gets a
 * German quote, invoice and credit note (labels from the German bundle, "04.12.2026", "1.250,50 EUR") from an
 * English agency; a client without one gets the agency's document language (English here); a statement follows the
 * agency's document language.
 */
class DocumentLanguageTest {
    static final Instant GIG = TestStore.NOW.plus(Duration.ofDays(20));
    static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    static final List<String> INVOICE_LABELS = List.of("invoice.title.final", "invoice.issued", "invoice.due",
            "invoice.booking", "quote.eventDate", "document.to", "document.description", "document.quantity",
            "document.unitPrice", "document.amount", "document.subtotal", "document.total");
    static final List<String> CREDIT_LABELS = List.of("invoice.title.credit", "invoice.corrects",
            "invoice.totalCredited", "document.subtotal");
    static final List<String> QUOTE_LABELS = List.of("quote.title", "quote.date", "quote.validUntil", "quote.event",
            "quote.eventDate", "quote.guests", "document.to", "document.subtotal", "document.total");
    /** A statement without gigs: no table of lines (its column headings), its totals and the "nothing" note. */
    static final List<String> STATEMENT_LABELS = List.of("statement.title", "statement.period", "statement.gigs",
            "statement.net", "statement.nothing");

    @TempDir
    Path dir;
    AppContext app;
    UUID munich;
    UUID london;

    @BeforeEach
    void setUp() {
        app = TestStore.open(dir);
        munich = app.clients.create(Actor.owner(), new ClientDraft(ClientKind.PERSON, "Bernd Huber", null, null, null,
                "Leopoldstraße 1", null, "80802", "München", null, "DE", null, null, Language.DE)).id();
        london = app.clients.create(Actor.owner(), new ClientDraft(ClientKind.PERSON, "Jane Smith", null, null, null,
                "1 Baker Street", null, "NW1", "London", null, "GB", null, null)).id();
    }

    @AfterEach
    void close() {
        app.close();
    }

    /** The German bundle as the application reads it; English (the base file) until messages_de.properties exists. */
    static ResourceBundle german() {
        return I18n.bundle(Locale.GERMAN);
    }

    static ResourceBundle english() {
        return I18n.bundle(Locale.ENGLISH);
    }

    static void assumeGermanBundle() {
        Assumptions.assumeTrue("de".equals(german().getLocale().getLanguage()),
                "i18n/messages_de.properties is not on the class path (it comes from the translation branch)");
    }

    UUID invoice(UUID client) {
        // 1,250.50 EUR without tax: the total shows the thousands and decimal separators
        Booking b = app.bookings.create(Actor.owner(), new BookingDraft("Sommerfest", client, null, null, GIG,
                GIG.plus(Duration.ofHours(4)), "Europe/Berlin", "EUR", 125_050, 0, 1, null, null), BookingStatus.CONFIRMED,
                List.of());
        return app.invoices.issue(Actor.owner(), b.id(), InvoiceKind.FINAL, null);
    }

    String pdf(UUID invoice) throws Exception {
        Path file = dir.resolve(invoice + ".pdf");
        app.invoiceDocuments.save(Actor.owner(), invoice, file);
        return text(file);
    }

    String quote(UUID client) throws Exception {
        var inquiry = app.inquiries.create(Actor.owner(), new InquiryDraft(client, "Sommerfest", GIG,
                GIG.plus(Duration.ofHours(5)), "Europe/Berlin", false, null, "Englischer Garten", 1200, null, "EUR",
                "PHONE", null, null));
        Quote q = app.quotes.save(Actor.owner(), inquiry.id(), 0, new QuoteDraft(null,
                List.of(QuoteLine.of("Blaskapelle", 1, 125_050)), 0, 0,
                LocalDate.ofInstant(TestStore.NOW, ZoneOffset.UTC).plusDays(14), null));
        Path file = dir.resolve(q.id() + ".pdf");
        app.quoteDocuments.save(Actor.owner(), q.id(), file, false);
        return text(file);
    }

    String statement() throws Exception {
        UUID performer = app.performers.create(Actor.owner(), new PerformerDraft("Die Isarspatzen", "Anna Maier",
                null, null, List.of("Band"), List.of("Volksmusik"), 50_000, "EUR", 1000, 0, "München", null, null,
                true, null)).id();
        var s = app.statements.statement(Actor.owner(), performer, LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 12, 31));
        Path file = dir.resolve("statement.pdf");
        AtomicFile.write(file, out -> app.statements.writePdf(s, out));
        return text(file);
    }

    static String text(Path pdf) throws Exception {
        return PdfText.of(pdf).replaceAll("\\s+", " ");
    }

    LocalDate issued(UUID invoice) {
        return app.database.dsl().select(INVOICE.ISSUE_DATE).from(INVOICE).where(INVOICE.ID.eq(invoice))
                .fetchSingle(INVOICE.ISSUE_DATE);
    }

    @Test
    void aGermanClientsInvoiceHasGermanDatesAndAmountsAnEnglishClientsEnglishOnes() throws Exception {
        UUID de = invoice(munich);
        String german = pdf(de);
        assertThat(german).contains("1.250,50 EUR", GERMAN_DATE.format(issued(de)),
                GERMAN_DATE.format(GIG.atZone(ZoneId.of("Europe/Berlin")).toLocalDate()))
                .doesNotContain("1,250.50 EUR");
        UUID en = invoice(london);
        String english = pdf(en);
        assertThat(english).contains("1,250.50 EUR", ENGLISH_DATE.format(issued(en))).doesNotContain("1.250,50");
        assertThat(app.database.dsl().select(INVOICE.LANGUAGE).from(INVOICE).where(INVOICE.ID.eq(de))
                .fetchSingle(INVOICE.LANGUAGE)).as("the invoice keeps the language it was written in").isEqualTo("de");
    }

    @Test
    void aGermanClientsQuoteHasGermanDatesAndAmounts() throws Exception {
        String german = quote(munich);
        assertThat(german).contains("1.250,50 EUR", "1.200", GERMAN_DATE.format(GIG.atZone(
                ZoneId.of("Europe/Berlin")).toLocalDate())).doesNotContain("1,250.50");
        assertThat(quote(london)).contains("1,250.50 EUR", "1,200");
    }

    @Test
    void theConsolesLanguageDoesNotChangeADocuments() throws Exception {
        Language before = I18n.language();
        try {
            I18n.use(Language.DE);
            assertThat(pdf(invoice(london))).contains("1,250.50 EUR", english().getString("invoice.title.final"),
                    english().getString("document.subtotal"));
        } finally {
            I18n.use(before);
        }
    }

    @Test
    void aClientWithoutALanguageGetsTheAgencysDocumentLanguage() throws Exception {
        BillingSettings b = app.settings.billing();
        assertThat(b.documentLanguage()).as("existing agencies keep English").isEqualTo("en");
        app.settings.updateBilling(Actor.owner(), new BillingSettings(b.depositKind(), b.depositValue(),
                b.depositDueBasis(), b.depositDueDays(), b.balanceDueDaysBefore(), b.invoiceDueDays(),
                b.invoicePattern(), b.creditNotePattern(), b.logoPath(), "de"));
        assertThat(pdf(invoice(london))).contains("1.250,50 EUR");
        assertThat(statement()).contains("01.11.2026", "31.12.2026");
    }

    /** Every label of the German documents is the German bundle's; the English documents carry the English ones. */
    @Test
    void germanDocumentsCarryTheGermanBundlesLabels() throws Exception {
        assumeGermanBundle();
        UUID de = invoice(munich);
        List<String> missing = new ArrayList<>();
        missing.addAll(missing("invoice", pdf(de), german(), INVOICE_LABELS));
        UUID credit = app.invoices.credit(Actor.owner(), de, "Doppelt berechnet");
        missing.addAll(missing("credit note", pdf(credit), german(), CREDIT_LABELS));
        missing.addAll(missing("quote", quote(munich), german(), QUOTE_LABELS));
        missing.addAll(missing("invoice (English client)", pdf(invoice(london)), english(), INVOICE_LABELS));
        missing.addAll(missing("quote (English client)", quote(london), english(), QUOTE_LABELS));
        BillingSettings b = app.settings.billing();
        app.settings.updateBilling(Actor.owner(), new BillingSettings(b.depositKind(), b.depositValue(),
                b.depositDueBasis(), b.depositDueDays(), b.balanceDueDaysBefore(), b.invoiceDueDays(),
                b.invoicePattern(), b.creditNotePattern(), b.logoPath(), "de"));
        missing.addAll(missing("statement", statement(), german(), STATEMENT_LABELS));
        assertThat(missing).as("labels not on the document").isEmpty();
        // and no English label where the German one differs
        String germanInvoice = pdf(de);
        for (String key : List.of("document.subtotal", "document.unitPrice", "document.description",
                "invoice.title.final")) {
            String en = english().getString(key);
            if (!german().getString(key).contains(en)) {
                assertThat(germanInvoice).as(key).doesNotContain(en);
            }
        }
    }

    private static List<String> missing(String what, String text, ResourceBundle bundle, List<String> keys) {
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            String label = bundle.getString(key).replaceAll("\\s+", " ");
            if (!text.contains(label)) {
                out.add(what + ": " + key + " = \"" + label + "\"");
            }
        }
        return out;
    }
}
