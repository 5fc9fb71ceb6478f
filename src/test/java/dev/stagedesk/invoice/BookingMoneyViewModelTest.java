package dev.stagedesk.invoice;

import dev.stagedesk.payment.InvoiceStatus;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.payment.InvoiceKind;
import dev.stagedesk.payment.BookingMoney;
import dev.stagedesk.payment.PaymentService;
import dev.stagedesk.payment.PaymentTerms;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.booking.Booking;
import dev.stagedesk.booking.BookingDraft;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.money.AmountStyle;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Role;
import dev.stagedesk.testing.MovableClock;
import dev.stagedesk.testing.SecondContext;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.ui.FormState;
import dev.stagedesk.ui.TaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Payments tab without its controls (the direct task runner): the money state as loaded with the booking's
 * version, what each role may do, recording and reversing a payment, the invoice actions, and terms edited while
 * another console (a second app context on the same store) changed them: refused naming who and when, their terms
 * kept, saved after Reload.
 */
class BookingMoneyViewModelTest {
    static final Instant GIG = Instant.parse("2027-02-12T19:00:00Z");
    @TempDir
    Path dir;
    AppContext app;
    final List<Throwable> unexpected = new ArrayList<>();
    final List<String> changed = new ArrayList<>();
    Booking gala;

    @BeforeEach
    void open() {
        app = TestStore.open(dir, new MovableClock(TestStore.NOW));
        UUID client = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
        gala = app.bookings.create(Actor.owner(), new BookingDraft("Gala", client, null, null, GIG,
                GIG.plus(Duration.ofHours(4)), "Europe/Berlin", "EUR", 200_000, 1900, 1, null, null), BookingStatus.CONFIRMED,
                List.of());
    }

    @AfterEach
    void close() {
        app.close();
        assertThat(unexpected).isEmpty();
    }

    BookingMoneyViewModel model(AppContext ctx, Actor actor) {
        var services = new BookingMoneyPane.Services(ctx.payments, ctx.invoices, ctx.invoiceDocuments,
                id -> ctx.bookingMoney(actor, id), ctx::invoicePreview);
        BookingMoneyViewModel vm = new BookingMoneyViewModel(gala.id(), services, actor, TaskRunner.direct(),
                unexpected::add, AmountStyle.of(Locale.UK), changed::add);
        vm.load();
        return vm;
    }

    FormState form() {
        return new FormState(TaskRunner.direct(), unexpected::add);
    }

    @Test
    void loadsTheMoneyStateWithTheBookingsVersionAndWhatEachRoleMayDo() {
        BookingMoneyViewModel owner = model(app, Actor.owner());
        assertThat(owner.money().version()).isEqualTo(app.bookings.find(gala.id()).version());
        assertThat(owner.summaryProperty().get()).startsWith("Total 2,380.00 EUR · paid 0.00 EUR · open 2,380.00 EUR")
                .contains("Deposit due").contains("714.00 EUR");
        assertThat(owner.overdueProperty().get()).isFalse();
        assertThat(owner.ledger()).isEmpty();
        assertThat(owner.invoices()).isEmpty();
        assertThat(owner.canRecord()).isTrue();
        assertThat(owner.canReverse().get()).as("nothing chosen").isFalse();
        assertThat(owner.canEditTerms().get()).isTrue();
        assertThat(owner.canIssueDeposit().get()).isTrue();
        assertThat(owner.canIssueFinal().get()).isTrue();
        assertThat(owner.canSavePdf().get()).isFalse();

        BookingMoneyViewModel coordinator = model(app, new Actor(null, "co", Set.of(Role.COORDINATOR)));
        assertThat(coordinator.canRecord()).isFalse();
        assertThat(coordinator.canEditTerms().get()).isTrue();
        assertThat(coordinator.canIssueDeposit().get()).isFalse();
        BookingMoneyViewModel accountant = model(app, new Actor(null, "acc", Set.of(Role.ACCOUNTANT)));
        assertThat(accountant.canRecord()).isTrue();
        assertThat(accountant.canEditTerms().get()).isFalse();
        assertThat(accountant.canIssueFinal().get()).isTrue();

        // a cancelled booking's terms are history
        app.bus.execute(Actor.owner(), new dev.stagedesk.booking.BookingService.CancelBooking(gala.id(),
                owner.money().version(), "Client cancelled", null));
        owner.load();
        assertThat(owner.canEditTerms().get()).isFalse();
        assertThat(owner.canIssueDeposit().get()).isFalse();
        assertThat(owner.canIssueFinal().get()).isFalse();
    }

    @Test
    void recordsAPaymentNamingABadAmountThenReversesIt() {
        BookingMoneyViewModel vm = model(app, Actor.owner());
        BookingMoneyViewModel.PaymentDefaults d = vm.paymentDefaults();
        assertThat(d.kind()).isEqualTo("DEPOSIT");
        assertThat(d.amount()).as("the deposit still open").isEqualTo("714.00");
        assertThat(d.needsRate()).isFalse();
        FormState state = form();
        AtomicInteger closed = new AtomicInteger();
        vm.recordPayment(state, d.kind(), "7,14x", d.method(), d.receivedOn(), "SEPA 0815", null, closed::incrementAndGet);
        assertThat(state.errors()).containsKey("amount");
        assertThat(closed).hasValue(0);
        vm.recordPayment(state, d.kind(), "714.00", d.method(), d.receivedOn(), "SEPA 0815", null, closed::incrementAndGet);
        assertThat(closed).hasValue(1);
        assertThat(vm.messageProperty().get()).isEqualTo("Payment of 714.00 EUR recorded.");
        assertThat(changed).containsExactly("Payment of 714.00 EUR recorded.");
        assertThat(vm.ledger()).singleElement().satisfies(e -> assertThat(e.amountMinor()).isEqualTo(71_400));
        assertThat(vm.summaryProperty().get()).contains("paid 714.00 EUR").contains("Partly paid");
        assertThat(vm.paymentDefaults().kind()).as("the balance next").isEqualTo("BALANCE");
        assertThat(vm.paymentDefaults().amount()).isEqualTo("1666.00");

        vm.selectedPayment.set(vm.ledger().get(0));
        assertThat(vm.canReverse().get()).isTrue();
        vm.reverse(form(), vm.ledger().get(0), "Bounced", closed::incrementAndGet);
        assertThat(vm.messageProperty().get()).isEqualTo("Payment of 714.00 EUR reversed.");
        assertThat(vm.ledger()).hasSize(2);
        assertThat(vm.ledger().get(0).reversed()).isTrue();
        assertThat(vm.selectedPayment.get()).as("a reload clears the choice").isNull();
        assertThat(vm.summaryProperty().get()).contains("paid 0.00 EUR");
    }

    @Test
    void issuesTheDepositInvoiceSavesItsPdfMarksItSentAndCreditsIt() throws Exception {
        BookingMoneyViewModel vm = model(app, Actor.owner());
        List<BookingMoneyViewModel.IssuePreview> previews = new ArrayList<>();
        vm.previewIssue(InvoiceKind.DEPOSIT, previews::add);
        assertThat(previews).singleElement().satisfies(p -> {
            assertThat(p.totals().totalMinor()).isEqualTo(71_400);
            assertThat(p.lacks()).contains("the agency's tax ID");
        });
        vm.issue(form(), InvoiceKind.DEPOSIT, () -> { });
        assertThat(vm.messageProperty().get()).isEqualTo("Invoice issued.");
        assertThat(vm.invoices()).singleElement().satisfies(i -> assertThat(i.number()).isEqualTo("INV-2026-0001"));
        var invoice = vm.invoices().get(0);
        vm.selectedInvoice.set(invoice);
        assertThat(vm.canSavePdf().get()).isTrue();
        assertThat(vm.canMarkSent().get()).isTrue();
        Path pdf = dir.resolve("inv.pdf");
        vm.savePdf(invoice, pdf);
        assertThat(Files.size(pdf)).isGreaterThan(1000);
        assertThat(vm.messageProperty().get()).isEqualTo("Saved inv.pdf.");
        vm.markSent(invoice);
        assertThat(vm.messageProperty().get()).isEqualTo("INV-2026-0001 marked sent.");
        assertThat(vm.invoices().get(0).status()).isEqualTo(InvoiceStatus.SENT);
        vm.credit(form(), vm.invoices().get(0), "Wrong address", () -> { });
        assertThat(vm.messageProperty().get()).isEqualTo("INV-2026-0001 credited.");
        assertThat(vm.invoices()).hasSize(2);
    }

    @Test
    void termsChangedInAnotherContextAreRefusedWithWhoAndWhenKeptAndSavedAfterReload() {
        MovableClock clockB = new MovableClock(TestStore.NOW.plus(Duration.ofMinutes(75))); // 12:15 in Berlin
        AppContext other = SecondContext.on(app, clockB);
        Actor maria = SecondContext.user(app, "maria", "Maria Schulz", Set.of(Role.COORDINATOR));

        BookingMoneyViewModel a = model(app, Actor.owner());
        int loadedVersion = a.money().version();
        BookingMoneyViewModel.TermsDefaults d = a.termsDefaults();
        assertThat(d.depositKind()).isEqualTo(PaymentTerms.PERCENT);
        // B sets a 50 % deposit
        BookingMoney seenByB = other.bookingMoney(maria, gala.id());
        other.payments.updateTerms(maria, new PaymentService.UpdatePaymentTerms(gala.id(), seenByB.version(),
                PaymentTerms.PERCENT, 5_000, PaymentTerms.BASIS_BOOKING, 14, 7, null));

        // A saves a fixed 500.00 deposit on the terms it loaded: refused in the sheet, with Reload
        FormState state = form();
        AtomicInteger closed = new AtomicInteger();
        AtomicInteger reopened = new AtomicInteger();
        a.saveTerms(state, PaymentTerms.AMOUNT, "500.00", d.basis(), d.depositDays(), d.balanceDays(), d.rate(),
                closed::incrementAndGet, reopened::incrementAndGet);
        assertThat(closed).hasValue(0);
        assertThat(state.generalErrorProperty().get()).contains(gala.number())
                .contains("changed by Maria Schulz on 21 Nov 2026 at 12:15");
        assertThat(state.staleProperty().get()).isTrue();
        BookingMoney stored = app.bookingMoney(Actor.owner(), gala.id());
        assertThat(stored.depositKind()).as("B's terms hold").isEqualTo(PaymentTerms.PERCENT);
        assertThat(stored.depositValue()).isEqualTo(5_000);
        assertThat(stored.version()).isGreaterThan(loadedVersion);

        // Reload reads the money again (B's terms, the new version) and reopens the sheet on it
        state.reload();
        assertThat(reopened).hasValue(1);
        assertThat(a.money().version()).isEqualTo(stored.version());
        assertThat(a.termsDefaults().depositValue()).isEqualTo("50");
        assertThat(a.summaryProperty().get()).contains("1,190.00 EUR");
        BookingMoneyViewModel.TermsDefaults fresh = a.termsDefaults();
        a.saveTerms(state, PaymentTerms.AMOUNT, "500.00", fresh.basis(), fresh.depositDays(), fresh.balanceDays(),
                fresh.rate(), closed::incrementAndGet, reopened::incrementAndGet);
        assertThat(closed).hasValue(1);
        assertThat(a.messageProperty().get()).isEqualTo("Payment terms saved.");
        BookingMoney saved = app.bookingMoney(Actor.owner(), gala.id());
        assertThat(saved.depositKind()).isEqualTo(PaymentTerms.AMOUNT);
        assertThat(saved.depositValue()).isEqualTo(50_000);
        assertThat(saved.depositDueDays()).as("B's days, reloaded, kept").isEqualTo(14);
    }
}
