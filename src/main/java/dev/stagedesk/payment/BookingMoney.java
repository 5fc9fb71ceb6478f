package dev.stagedesk.payment;

import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.INVOICE;
import static dev.stagedesk.db.jooq.Tables.PAYMENT;

import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import dev.stagedesk.settings.AgencyFacts;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * What the booking's Payments tab shows: terms, the state they make, the ledger, and the invoices.
 * {@code lastRate}: the last exchange rate entered for the booking's currency (null when none ever was);
 * {@code today}: where the agency is, when it was read (the date a new payment starts from).
 */
public record BookingMoney(UUID bookingId, String number, BookingStatus status, int version, String currency,
                           String baseCurrency, BigDecimal exchangeRate, long totalMinor, long paidMinor,
                           long depositMinor, LocalDate depositDueOn, LocalDate balanceDueOn, PaymentTerms.MoneyState state,
                           String depositKind, long depositValue, String depositDueBasis, int depositDueDays,
                           int balanceDueDaysBefore, List<Entry> ledger, List<Invoice> invoices, BigDecimal lastRate,
                           LocalDate today) {

    /** One ledger entry; {@code reversed} when a later entry undoes it. */
    public record Entry(UUID id, String kind, long amountMinor, BigDecimal rate, String method, LocalDate receivedOn,
                        String reference, String notes, boolean reversed) {
    }

    public record Invoice(UUID id, String number, InvoiceKind kind, InvoiceStatus status, LocalDate issueDate, LocalDate dueDate,
                          long totalMinor, String currency) {
    }

    /** Reads it for {@code actor} (who needs {@code PAYMENTS_VIEW}), "today" as at {@code now}. */
    public static BookingMoney load(DSLContext dsl, Actor actor, UUID bookingId, Instant now) {
        actor.require(Permission.PAYMENTS_VIEW);
        LocalDate today = AgencyFacts.today(dsl, now);
        var b = dsl.selectFrom(BOOKING).where(BOOKING.ID.eq(bookingId)).fetchSingle();
        Set<UUID> reversed = Set.copyOf(dsl.select(PAYMENT.REVERSES_PAYMENT_ID).from(PAYMENT)
                .where(PAYMENT.BOOKING_ID.eq(bookingId), PAYMENT.REVERSES_PAYMENT_ID.isNotNull())
                .fetch(PAYMENT.REVERSES_PAYMENT_ID));
        List<Entry> ledger = dsl.selectFrom(PAYMENT).where(PAYMENT.BOOKING_ID.eq(bookingId), PAYMENT.DELETED_AT.isNull())
                .orderBy(PAYMENT.RECEIVED_ON, PAYMENT.CREATED_AT, PAYMENT.ID)
                .fetch(p -> new Entry(p.getId(), p.getKind(), p.getAmountMinor(), p.getExchangeRate(), p.getMethod(),
                        p.getReceivedOn(), p.getReference(), p.getNotes(), reversed.contains(p.getId())));
        List<Invoice> invoices = dsl.selectFrom(INVOICE).where(INVOICE.BOOKING_ID.eq(bookingId), INVOICE.DELETED_AT.isNull())
                .orderBy(INVOICE.CREATED_AT, INVOICE.ID)
                .fetch(i -> new Invoice(i.getId(), i.getNumber(), InvoiceKind.valueOf(i.getKind()),
                        InvoiceStatus.valueOf(i.getStatus()), i.getIssueDate(),
                        i.getDueDate(), i.getTotalMinor(), i.getCurrency()));
        return new BookingMoney(b.getId(), b.getNumber(), BookingStatus.valueOf(b.getStatus()),
 b.getVersion(), b.getCurrency(),
                ExchangeRates.baseCurrency(dsl), b.getExchangeRate(), b.getTotalMinor(), b.getPaidMinor(),
                b.getDepositMinor(), b.getDepositDueOn(), b.getBalanceDueOn(), PaymentTerms.state(b, today),
                b.getDepositKind(), b.getDepositValue(), b.getDepositDueBasis(), b.getDepositDueDays(),
                b.getBalanceDueDaysBefore(), ledger, invoices, ExchangeRates.last(dsl, b.getCurrency()), today);
    }
}
