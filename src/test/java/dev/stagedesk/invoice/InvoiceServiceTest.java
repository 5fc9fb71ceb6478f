package dev.stagedesk.invoice;

import dev.stagedesk.payment.InvoiceKind;
import static dev.stagedesk.db.jooq.Tables.INVOICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.booking.Booking;
import dev.stagedesk.booking.BookingDraft;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.payment.PaymentService;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.PermissionDeniedException;
import dev.stagedesk.security.Role;
import dev.stagedesk.testing.PdfText;
import dev.stagedesk.testing.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deposit and final invoices, credit notes, paid status from the ledger, gapless numbers, the PDF. */
class InvoiceServiceTest {
    static final Instant GIG = Instant.parse("2027-03-05T18:00:00Z");
    @TempDir
    Path dir;
    AppContext app;
    UUID client;
    final Actor accountant = new Actor(null, "acc", EnumSet.of(Role.ACCOUNTANT));

    @BeforeEach
    void setUp() {
        app = TestStore.open(dir);
        client = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada Events GmbH")).id();
    }

    @AfterEach
    void close() {
        app.close();
    }

    Booking booking(String title, long fee, int day) {
        Instant start = GIG.plus(Duration.ofDays(day));
        return app.bookings.create(Actor.owner(), new BookingDraft(title, client, null, null, start,
                start.plus(Duration.ofHours(4)), "Europe/Berlin", "EUR", fee, 1900, 1, null, null), BookingStatus.CONFIRMED, List.of());
    }

    InvoiceRecordView view(UUID id) {
        var r = app.database.dsl().selectFrom(INVOICE).where(INVOICE.ID.eq(id)).fetchSingle();
        return new InvoiceRecordView(r.getNumber(), r.getStatus(), r.getTotalMinor(), r.getTaxMinor());
    }

    record InvoiceRecordView(String number, String status, long total, long tax) {
    }

    @Test
    void depositThenFinalAddUpToTheBookingTotalAndTurnPaidWithThePayments() {
        Booking b = booking("Gala", 333_333, 0); // 3,333.33 + 19 % = 3,966.67
        UUID dep = app.invoices.issue(accountant, b.id(), InvoiceKind.DEPOSIT, null);
        UUID fin = app.invoices.issue(accountant, b.id(), InvoiceKind.FINAL, "Thank you!");
        assertThat(view(dep).number()).isEqualTo("INV-2026-0001");
        assertThat(view(fin).number()).isEqualTo("INV-2026-0002");
        assertThat(view(dep).total() + view(fin).total()).isEqualTo(396_666);
        assertThat(view(dep).status()).isEqualTo("ISSUED");

        app.payments.record(accountant, new PaymentService.RecordPayment(b.id(), "DEPOSIT", view(dep).total(),
                "BANK_TRANSFER", LocalDate.of(2026, 11, 20), "DEP-1", null, null));
        assertThat(view(dep).status()).isEqualTo("PAID");
        assertThat(view(fin).status()).isEqualTo("ISSUED");
        UUID balance = app.payments.record(accountant, new PaymentService.RecordPayment(b.id(), "BALANCE",
                view(fin).total(), "CARD", LocalDate.of(2026, 11, 21), null, null, null));
        assertThat(view(fin).status()).isEqualTo("PAID");
        // a reversal takes the money, and the paid status, away again
        app.payments.reverse(accountant, balance, "Card charge failed");
        assertThat(view(fin).status()).isEqualTo("ISSUED");
    }

    @Test
    void issuedInvoicesAreLockedAndCorrectedByACreditNote() {
        Booking b = booking("Gala", 100_000, 0);
        UUID fin = app.invoices.issue(accountant, b.id(), InvoiceKind.FINAL, null);
        assertThatThrownBy(() -> app.invoices.issue(accountant, b.id(), InvoiceKind.FINAL, null))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("already has a final invoice");
        assertThatThrownBy(() -> app.invoices.execute(accountant, new InvoiceService.DiscardDraft(fin)))
                .hasMessageContaining("locked");
        assertThatThrownBy(() -> app.invoices.credit(accountant, fin, " ")).hasMessageContaining("reason");
        UUID cn = app.invoices.credit(accountant, fin, "Wrong address");
        assertThat(view(cn).number()).isEqualTo("CN-2026-0001");
        assertThat(view(cn).total()).isEqualTo(-view(fin).total());
        assertThat(view(fin).status()).isEqualTo("CREDITED");
        assertThatThrownBy(() -> app.invoices.credit(accountant, fin, "again")).hasMessageContaining("is credited");
        UUID again = app.invoices.issue(accountant, b.id(), InvoiceKind.FINAL, null);
        assertThat(view(again).number()).isEqualTo("INV-2026-0002");
    }

    @Test
    void aDraftHasNoNumberUntilIssuedAndCanBeDiscardedWithoutAGap() {
        Booking b = booking("Gala", 100_000, 0);
        UUID draft = app.invoices.execute(accountant, new InvoiceService.DraftInvoice(b.id(), InvoiceKind.DEPOSIT, null));
        assertThat(view(draft).number()).isNull();
        app.invoices.execute(accountant, new InvoiceService.DiscardDraft(draft));
        UUID d2 = app.invoices.execute(accountant, new InvoiceService.DraftInvoice(b.id(), InvoiceKind.FINAL, null));
        app.invoices.execute(accountant, new InvoiceService.IssueDraft(d2));
        assertThat(view(d2).number()).isEqualTo("INV-2026-0001");
        assertThat(view(d2).status()).isEqualTo("ISSUED");
    }

    @Test
    void coordinatorsCannotIssueInvoices() {
        Booking b = booking("Gala", 100_000, 0);
        Actor cora = new Actor(null, "cora", EnumSet.of(Role.COORDINATOR));
        assertThatThrownBy(() -> app.invoices.issue(cora, b.id(), InvoiceKind.FINAL, null)).isInstanceOf(PermissionDeniedException.class);
    }

    /** Many windows issuing at once: every number of the year used once, none skipped. */
    @Test
    void numbersStayGaplessAndUniqueWithManyThreadsIssuingAtOnce() throws Exception {
        int n = 40;
        List<UUID> bookings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            bookings.add(booking("Gig " + i, 10_000 + i, i).id());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<UUID>> issued = new ArrayList<>();
            for (UUID b : bookings) {
                issued.add(pool.submit(() -> app.invoices.issue(accountant, b, InvoiceKind.FINAL, null)));
            }
            List<String> numbers = new ArrayList<>();
            for (Future<UUID> f : issued) {
                numbers.add(view(f.get()).number());
            }
            Collections.sort(numbers);
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                expected.add(String.format("INV-2026-%04d", i));
            }
            assertThat(numbers).containsExactlyElementsOf(expected);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void thePdfShowsNumberClientLinesTaxAndTotal() throws Exception {
        Booking b = booking("Summer gala", 250_000, 0);
        app.invoices.issue(accountant, b.id(), InvoiceKind.DEPOSIT, null);
        UUID fin = app.invoices.issue(accountant, b.id(), InvoiceKind.FINAL, null);
        Path pdf = dir.resolve("out/final.pdf");
        app.invoiceDocuments.save(accountant, fin, pdf);
        String text = PdfText.of(pdf).replaceAll("\\s+", " ");
        assertThat(text).contains("INV-2026-0002", "Ada Events GmbH", "Summer gala", "Less deposit invoice INV-2026-0001",
                "2,500.00 EUR", "Tax 19 % on", "Total", view(fin).total() == 208_250 ? "2,082.50 EUR" : "?");
        int written = app.invoiceDocuments.batch(accountant, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30),
                dir.resolve("batch"));
        assertThat(written).isEqualTo(2);
        assertThat(dir.resolve("batch/INV-2026-0001.pdf")).exists();
        assertThat(PdfText.of(dir.resolve("batch/INV-2026-0001.pdf"))).contains("Deposit invoice");
    }
}
