package dev.stagedesk.inquiry;

import static dev.stagedesk.db.jooq.Tables.QUOTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.booking.Booking;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.catalogue.PackageDraft;
import dev.stagedesk.catalogue.ServicePackage;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.common.ConcurrentEditException;
import dev.stagedesk.common.DateStyle;
import dev.stagedesk.common.FieldError;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.common.ValidationException;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.PermissionDeniedException;
import dev.stagedesk.security.Role;
import dev.stagedesk.testing.MovableClock;
import dev.stagedesk.testing.PdfText;
import dev.stagedesk.testing.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuoteServiceTest {
    static final Instant EVENT = Instant.parse("2027-02-06T17:00:00Z");

    @TempDir
    Path dir;
    AppContext app;
    Actor cora;
    Inquiry inquiry;
    ServicePackage band;
    LocalDate today;

    @BeforeEach
    void setUp() {
        app = TestStore.open(dir, new MovableClock(TestStore.NOW));
        today = LocalDate.ofInstant(TestStore.NOW, ZoneOffset.UTC);
        app.users.create(Actor.owner(), "cora", "Cora", null, EnumSet.of(Role.COORDINATOR), null, "cora-pass-1".toCharArray());
        cora = app.users.signIn("cora", "cora-pass-1".toCharArray());
        UUID client = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Zoë Müller")).id();
        band = app.packages.create(Actor.owner(), new PackageDraft("Brass band, 3 sets", "Six players", 240, 250_000L,
                "EUR", 6, "Brass band", true));
        inquiry = app.inquiries.create(cora, new InquiryDraft(client, "Summer party", EVENT,
                EVENT.plus(Duration.ofHours(5)), "Europe/Berlin", false, null, "Harbour warehouse 7", 120, 800_000L,
                "EUR", "PHONE", null, null));
    }

    @AfterEach
    void close() {
        app.close();
    }

    private QuoteDraft draft(long discount, int taxBp, QuoteLine... lines) {
        return new QuoteDraft(band.id(), List.of(lines), discount, taxBp, today.plusDays(14), "Deposit 30 %");
    }

    @Test
    void totalsAreLinesMinusDiscountPlusTaxOnTheRest() {
        Quote q = app.quotes.save(cora, inquiry.id(), 0, draft(10_000, 1900,
                QuoteLine.of("Brass band, 3 sets", 1, 250_000), QuoteLine.of("Travel", 2, 4_950)));
        assertThat(q.versionNo()).isEqualTo(1);
        assertThat(q.subtotalMinor()).isEqualTo(259_900);
        assertThat(q.netMinor()).isEqualTo(249_900);
        assertThat(q.taxMinor()).isEqualTo(47_481); // 19 % of 2,499.00
        assertThat(q.totalMinor()).isEqualTo(297_381);
        assertThat(q.currency()).isEqualTo("EUR");
        assertThat(q.status()).isEqualTo(QuoteStatus.DRAFT);
    }

    @Test
    void eachSaveIsANewVersionAndTheHistorySaysWhatChanged() {
        Quote v1 = app.quotes.save(cora, inquiry.id(), 0, draft(0, 1900, QuoteLine.of("Brass band, 3 sets", 1, 250_000)));
        Quote v2 = app.quotes.save(cora, inquiry.id(), 1, draft(15_000, 1900,
                QuoteLine.of("Brass band, 3 sets", 1, 250_000), QuoteLine.of("Travel", 1, 9_900)));
        List<Quote> versions = app.quotes.versions(cora, inquiry.id());
        assertThat(versions).extracting(Quote::versionNo).containsExactly(2, 1);
        assertThat(versions).extracting(Quote::status).containsExactly(QuoteStatus.DRAFT, QuoteStatus.SUPERSEDED);
        assertThat(QuoteService.changes(v1, v2)).containsExactly(
                "Line added: Travel (1 x 99.00 EUR)", "Discount: 0.00 EUR → 150.00 EUR",
                "Total: 2,975.00 EUR → 2,914.31 EUR");
        // someone who still sees version 1 cannot save over version 2
        assertThatThrownBy(() -> app.quotes.save(cora, inquiry.id(), 1, draft(0, 0, QuoteLine.of("X", 1, 1))))
                .isInstanceOf(ConcurrentEditException.class);
    }

    @Test
    void badQuotesNameTheFieldAndWriteNothing() {
        assertThatThrownBy(() -> app.quotes.save(cora, inquiry.id(), 0, new QuoteDraft(null,
                List.of(QuoteLine.of("", 1, 100), new QuoteLine("Gift", 0, -5, 0)), 500, 12_000,
                today.minusDays(1), null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::message).contains(
                                Tuple.tuple("lines", "Line 1: a description is required"),
                                Tuple.tuple("lines", "Line 2: the quantity must be 1 or more"),
                                Tuple.tuple("lines", "Line 2: Must not be negative."),
                                Tuple.tuple("discount",
                                        "The discount cannot be more than the lines' sum."),
                                Tuple.tuple("taxRate",
                                        "Must be a percentage from 0 to 100 with at most two decimals."),
                                Tuple.tuple("validUntil",
                                        "Valid until must be today (" + DateStyle.date(Locale.getDefault(Locale.Category.FORMAT)).format(today) + ") or later.")));
        assertThatThrownBy(() -> app.quotes.save(cora, inquiry.id(), 0, new QuoteDraft(null, List.of(), 0, 0,
                today, null))).isInstanceOf(ValidationException.class).hasMessageContaining("at least one line");
        assertThat(app.database.dsl().fetchCount(QUOTE)).isZero();
    }

    @Test
    void sendingMarksTheQuoteSentAndTheInquiryQuoted() throws Exception {
        Quote v1 = app.quotes.save(cora, inquiry.id(), 0, draft(0, 1900, QuoteLine.of("Brass band, 3 sets", 1, 250_000)));
        Path pdf = dir.resolve("out/quote.pdf");
        Quote sent = app.quoteDocuments.save(cora, v1.id(), pdf, true);
        assertThat(sent.status()).isEqualTo(QuoteStatus.SENT);
        assertThat(sent.sentAt()).isEqualTo(TestStore.NOW);
        assertThat(app.inquiries.find(inquiry.id()).status()).isEqualTo(InquiryStatus.QUOTED);
        String text = pdfText(pdf);
        assertThat(text).contains("Quote", QuoteDocuments.reference(v1), "Zoë Müller", "Summer party",
                "Brass band, 3 sets", "2,500.00 EUR", "475.00 EUR", "2,975.00 EUR", "Harbour warehouse 7");
        // a superseded version can no longer be sent
        app.quotes.save(cora, inquiry.id(), 1, draft(0, 0, QuoteLine.of("Brass band, 3 sets", 1, 240_000)));
        assertThatThrownBy(() -> app.quotes.markSent(cora, v1.id())).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("only the current version");
    }

    @Test
    void winningTheInquiryAcceptsTheLatestQuoteAndTheBookingTakesItsAmounts() {
        Quote q = app.quotes.save(cora, inquiry.id(), 0, draft(20_000, 1900, QuoteLine.of("Brass band, 3 sets", 1, 250_000)));
        Inquiry i = app.inquiries.find(inquiry.id());
        Booking b = app.bus.execute(cora, new InquiryService.ConvertInquiry(i.id(), i.version(),
                app.inquiries.bookingFrom(i, "Zoë Müller", q), BookingStatus.HOLD, List.of()));
        assertThat(b.feeMinor()).isEqualTo(230_000);
        assertThat(app.quotes.latest(cora, inquiry.id()).orElseThrow().status()).isEqualTo(QuoteStatus.ACCEPTED);
        assertThatThrownBy(() -> app.quotes.save(cora, inquiry.id(), 1, draft(0, 0, QuoteLine.of("X", 1, 1))))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("is won");
    }

    @Test
    void onlyCoordinatorsAndAdminsQuote() {
        app.users.create(Actor.owner(), "acc", "Acc", null, EnumSet.of(Role.ACCOUNTANT), null, "acc-pass-12".toCharArray());
        Actor acc = app.users.signIn("acc", "acc-pass-12".toCharArray());
        assertThatThrownBy(() -> app.quotes.save(acc, inquiry.id(), 0, draft(0, 0, QuoteLine.of("X", 1, 1))))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(app.quotes.versions(acc, inquiry.id())).isEmpty();
    }

    static String pdfText(Path pdf) throws Exception {
        return PdfText.of(pdf);
    }
}
