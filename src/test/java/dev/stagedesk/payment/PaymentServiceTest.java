package dev.stagedesk.payment;

import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.NOTIFICATION;
import static dev.stagedesk.db.jooq.Tables.PAYMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.booking.Booking;
import dev.stagedesk.booking.BookingDraft;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.common.ValidationException;
import dev.stagedesk.db.jooq.Tables;
import dev.stagedesk.payment.InvoiceKind;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Role;
import dev.stagedesk.testing.MovableClock;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.ui.Format;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The append-only ledger, the terms and states it drives, exchange rates, and overdue notices raised once. */
class PaymentServiceTest {
    static final Instant GIG = Instant.parse("2027-01-15T18:00:00Z");
    @TempDir
    Path dir;
    AppContext app;
    MovableClock clock;
    UUID client;
    final Actor accountant = new Actor(null, "acc", EnumSet.of(Role.ACCOUNTANT));

    @BeforeEach
    void setUp() {
        clock = new MovableClock(TestStore.NOW);
        app = TestStore.open(dir, clock);
        client = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
        app.users.create(Actor.owner(), "anna", "Anna", null, EnumSet.of(Role.ACCOUNTANT), null, "long-password-1".toCharArray());
    }

    @AfterEach
    void close() {
        app.close();
    }

    Booking booking(String currency) {
        return app.bookings.create(Actor.owner(), new BookingDraft("Gala", client, null, null, GIG,
                GIG.plus(Duration.ofHours(4)), "Europe/Berlin", currency, 100_000, 1900, 1, null, null), BookingStatus.CONFIRMED,
                List.of());
    }

    PaymentTerms.MoneyState state(UUID booking) {
        var b = app.database.dsl().selectFrom(BOOKING).where(BOOKING.ID.eq(booking)).fetchSingle();
        return PaymentTerms.state(b, LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Berlin")));
    }

    PaymentService.RecordPayment pay(UUID booking, String kind, long amount) {
        return new PaymentService.RecordPayment(booking, kind, amount, "BANK_TRANSFER", LocalDate.of(2026, 11, 21),
                null, null, null);
    }

    @Test
    void theStateFollowsTermsLedgerAndClock() {
        Booking b = booking("EUR"); // total 1,190.00; deposit 30 % of the fee + tax = 357.00, due 7 days after booking
        var row = app.database.dsl().selectFrom(BOOKING).where(BOOKING.ID.eq(b.id())).fetchSingle();
        assertThat(row.getDepositMinor()).isEqualTo(35_700);
        assertThat(row.getDepositDueOn()).isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(row.getBalanceDueOn()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(state(b.id())).isEqualTo(PaymentTerms.MoneyState.DEPOSIT_DUE);
        clock.advance(Duration.ofDays(8));
        assertThat(state(b.id())).isEqualTo(PaymentTerms.MoneyState.DEPOSIT_OVERDUE);
        app.payments.record(accountant, pay(b.id(), "DEPOSIT", 35_700));
        assertThat(state(b.id())).isEqualTo(PaymentTerms.MoneyState.PARTLY_PAID);
        clock.advance(Duration.ofDays(40));
        assertThat(state(b.id())).isEqualTo(PaymentTerms.MoneyState.BALANCE_OVERDUE);
        app.payments.record(accountant, pay(b.id(), "BALANCE", 83_300));
        assertThat(state(b.id())).isEqualTo(PaymentTerms.MoneyState.PAID);
        app.payments.record(accountant, pay(b.id(), "OTHER", 1_000));
        assertThat(state(b.id())).isEqualTo(PaymentTerms.MoneyState.OVERPAID);
        app.payments.record(accountant, pay(b.id(), "REFUND", 1_000));
        assertThat(state(b.id())).isEqualTo(PaymentTerms.MoneyState.PAID);
        assertThat(app.database.dsl().selectFrom(BOOKING).where(BOOKING.ID.eq(b.id())).fetchSingle().getPaidMinor())
                .isEqualTo(119_000);
    }

    @Test
    void aFieldMessageShowsTheAmountTheWayTheUserTypesIt() {
        Booking b = booking("EUR");
        app.payments.record(accountant, pay(b.id(), "DEPOSIT", 125_050));
        try {
            Format.use(Locale.GERMANY);
            assertThatThrownBy(() -> app.payments.record(accountant, pay(b.id(), "REFUND", 200_000)))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("(1.250,50 EUR)");
        } finally {
            Format.use(Locale.UK);
        }
        assertThatThrownBy(() -> app.payments.record(accountant, pay(b.id(), "REFUND", 200_000)))
                .hasMessageContaining("(1,250.50 EUR)");
    }

    @Test
    void mistakesAreReversedNeverEditedAndBadInputIsNamed() {
        Booking b = booking("EUR");
        UUID p = app.payments.record(accountant, pay(b.id(), "DEPOSIT", 50_000));
        UUID r = app.payments.reverse(accountant, p, "Typed the wrong amount");
        assertThat(app.database.dsl().fetchCount(PAYMENT)).isEqualTo(2);
        assertThat(app.database.dsl().selectFrom(PAYMENT).where(PAYMENT.ID.eq(r)).fetchSingle().getAmountMinor())
                .isEqualTo(-50_000);
        assertThatThrownBy(() -> app.payments.reverse(accountant, p, "again")).hasMessageContaining("already been reversed");
        assertThatThrownBy(() -> app.payments.reverse(accountant, r, "again")).isInstanceOf(UserFacingException.class);
        assertThatThrownBy(() -> app.payments.record(accountant, pay(b.id(), "REFUND", 1)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("more than has been paid");
        assertThatThrownBy(() -> app.payments.record(accountant, new PaymentService.RecordPayment(b.id(), "DEPOSIT",
                100, "BANK_TRANSFER", LocalDate.of(2026, 12, 1), null, null, null)))
                .hasMessageContaining("future");
        assertThatThrownBy(() -> app.payments.record(accountant, pay(b.id(), "DEPOSIT", 0))).hasMessageContaining("greater than zero");
        assertThat(app.database.dsl().fetchCount(PAYMENT)).isEqualTo(2);
    }

    @Test
    void aForeignCurrencyPaymentNeedsARateAndRemembersTheLastOne() {
        Booking b = booking("USD");
        assertThatThrownBy(() -> app.payments.record(accountant, pay(b.id(), "DEPOSIT", 10_000)))
                .hasMessageContaining("exchange rate from USD to EUR");
        app.payments.record(accountant, new PaymentService.RecordPayment(b.id(), "DEPOSIT", 10_001, "CARD",
                LocalDate.of(2026, 11, 21), null, null, new BigDecimal("0.9215")));
        UUID second = app.payments.record(accountant, pay(b.id(), "BALANCE", 20_000));
        var rows = app.database.dsl().selectFrom(PAYMENT).orderBy(PAYMENT.CREATED_AT, PAYMENT.ID).fetch();
        assertThat(rows).extracting(r -> r.getBaseAmountMinor()).containsExactly(9_216L, 18_430L); // 92.159 -> 92.16
        assertThat(app.database.dsl().selectFrom(PAYMENT).where(PAYMENT.ID.eq(second)).fetchSingle().getExchangeRate())
                .isEqualByComparingTo("0.9215");
    }

    @Test
    void anOverdueDepositRaisesOneNoticePerAccountantOnlyOnce() {
        Booking b = booking("EUR");
        LocalDate today = LocalDate.of(2026, 11, 21);
        assertThat(app.payments.raiseOverdue(Actor.system(), today)).isZero();
        clock.advance(Duration.ofDays(8));
        assertThat(app.payments.raiseOverdue(Actor.system(), LocalDate.of(2026, 11, 29))).isEqualTo(1);
        int audit = app.auditLog.count();
        assertThat(app.payments.raiseOverdue(Actor.system(), LocalDate.of(2026, 11, 30))).isZero();
        assertThat(app.auditLog.count()).as("nothing new to say: nothing written").isEqualTo(audit);
        var n = app.database.dsl().selectFrom(NOTIFICATION).fetchSingle();
        assertThat(n.getTitle()).contains(b.number()).contains("Deposit overdue");
        assertThat(n.getEntityId()).isEqualTo(b.id());
        app.payments.record(accountant, pay(b.id(), "DEPOSIT", 35_700));
        assertThat(app.payments.raiseOverdue(Actor.system(), LocalDate.of(2026, 12, 1))).isZero();
    }

    @Test
    void termsAreEditedWithTheirChecks() {
        Booking b = booking("EUR");
        var row = app.database.dsl().selectFrom(BOOKING).where(BOOKING.ID.eq(b.id())).fetchSingle();
        assertThatThrownBy(() -> app.payments.updateTerms(Actor.owner(), new PaymentService.UpdatePaymentTerms(b.id(),
                row.getVersion(), "AMOUNT", 500_000, "EVENT", 30, 7, null))).hasMessageContaining("between 0 and");
        app.payments.updateTerms(Actor.owner(), new PaymentService.UpdatePaymentTerms(b.id(), row.getVersion(),
                "AMOUNT", 50_000, "EVENT", 30, 7, null));
        var after = app.database.dsl().selectFrom(BOOKING).where(BOOKING.ID.eq(b.id())).fetchSingle();
        assertThat(after.getDepositMinor()).isEqualTo(50_000);
        assertThat(after.getDepositDueOn()).isEqualTo(LocalDate.of(2026, 12, 16));
        assertThat(after.getBalanceDueOn()).isEqualTo(LocalDate.of(2027, 1, 8));
    }

    @Test
    void aLastMinuteBookingIsDueNowNeverOverdueFromTheDayItIsMade() {
        // made on 21 Nov for 26 Nov; the terms say deposit 7 days after booking, balance 14 days before the event
        Instant soon = Instant.parse("2026-11-26T18:00:00Z");
        Booking b = app.bookings.create(Actor.owner(), new BookingDraft("Late gala", client, null, null, soon,
                soon.plus(Duration.ofHours(4)), "Europe/Berlin", "EUR", 100_000, 1900, 1, null, null), BookingStatus.CONFIRMED,
                List.of());
        LocalDate bookedOn = LocalDate.of(2026, 11, 21);
        var row = app.database.dsl().selectFrom(BOOKING).where(BOOKING.ID.eq(b.id())).fetchSingle();
        assertThat(row.getBalanceDueOn()).isEqualTo(bookedOn);
        assertThat(row.getDepositDueOn()).isEqualTo(bookedOn);
        assertThat(state(b.id())).isEqualTo(PaymentTerms.MoneyState.DEPOSIT_DUE);
        assertThat(app.payments.raiseOverdue(Actor.system(), bookedOn)).isZero();
        // terms counted from the event that would fall before the booking are due at booking too
        app.payments.updateTerms(Actor.owner(), new PaymentService.UpdatePaymentTerms(b.id(), row.getVersion(),
                "PERCENT", 3000, "EVENT", 30, 10, null));
        row = app.database.dsl().selectFrom(BOOKING).where(BOOKING.ID.eq(b.id())).fetchSingle();
        assertThat(row.getDepositDueOn()).isEqualTo(bookedOn);
        assertThat(row.getBalanceDueOn()).isEqualTo(bookedOn);
        // a deposit invoice issued two days later (its term has passed) is due by the event, not 14 days on
        clock.advance(Duration.ofDays(2));
        UUID invoice = app.invoices.issue(Actor.owner(), b.id(), InvoiceKind.DEPOSIT, null);
        var inv = app.database.dsl().selectFrom(Tables.INVOICE)
                .where(Tables.INVOICE.ID.eq(invoice)).fetchSingle();
        assertThat(inv.getIssueDate()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(inv.getDueDate()).isEqualTo(LocalDate.of(2026, 11, 26));
    }
}
