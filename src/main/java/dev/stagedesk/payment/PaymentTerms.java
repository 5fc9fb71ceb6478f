package dev.stagedesk.payment;

import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.db.jooq.tables.records.BookingRecord;
import dev.stagedesk.money.Rounding;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A booking's payment terms and what they make of its ledger: the deposit (a share of the fee, or an amount
 * including tax), when it is due (days after the booking was made, or days before the event), when the
 * balance is due (days before the event), and the state a person reads: unpaid, deposit due, deposit overdue,
 * partly paid, balance overdue, paid, overpaid. Pure code: the services store what it computes on the booking.
 */
public final class PaymentTerms {
    public static final String PERCENT = "PERCENT";
    public static final String AMOUNT = "AMOUNT";
    public static final String BASIS_BOOKING = "BOOKING";
    public static final String BASIS_EVENT = "EVENT";

    /** What a person reads. Overdue states only for open bookings (hold, confirmed, completed). */
    public enum MoneyState { UNPAID, DEPOSIT_DUE, DEPOSIT_OVERDUE, PARTLY_PAID, BALANCE_OVERDUE, PAID, OVERPAID }

    /** The deposit as an invoice shows it: its net share of the fee and the tax on that share. */
    public record Deposit(long netMinor, long taxMinor) {
        public long totalMinor() {
            return netMinor + taxMinor;
        }
    }

    private PaymentTerms() {
    }

    /** The booking's total: the fee plus its tax, rounded once (the same rule as every invoice line). */
    public static long total(long feeMinor, int taxBp) {
        return Math.addExact(feeMinor, Rounding.applyBasisPoints(feeMinor, taxBp));
    }

    /**
     * PERCENT: {@code value} basis points of the fee (3000 = 30 %), then its tax. AMOUNT: {@code value} is what
     * the client pays including tax (at most the total); its net part is worked back and the tax put on again,
     * so the deposit can differ from the amount typed by a cent where the tax does not divide evenly.
     */
    public static Deposit deposit(long feeMinor, int taxBp, String kind, long value) {
        long net;
        if (AMOUNT.equals(kind)) {
            long gross = Math.min(Math.max(0, value), total(feeMinor, taxBp));
            net = BigDecimal.valueOf(gross).multiply(BigDecimal.valueOf(10_000))
                    .divide(BigDecimal.valueOf(10_000L + taxBp), 0, Rounding.MODE).longValueExact();
            net = Math.min(net, feeMinor);
        } else {
            net = Rounding.applyBasisPoints(feeMinor, Math.max(0, Math.min(10_000, value)));
        }
        return new Deposit(net, Rounding.applyBasisPoints(net, taxBp));
    }

    /**
     * {@code daysBefore} the event, but never before the booking was made: a booking made five days before the
     * event under "14 days before" terms is due at once ("due now"), not overdue from the day it exists.
     */
    public static LocalDate balanceDue(LocalDate bookedOn, LocalDate eventOn, int daysBefore) {
        LocalDate due = eventOn.minusDays(daysBefore);
        return bookedOn != null && due.isBefore(bookedOn) ? bookedOn : due;
    }

    /**
     * Never after the balance is due (a deposit asked for later than everything else would be no deposit) and
     * never before the booking was made.
     */
    public static LocalDate depositDue(String basis, int days, LocalDate bookedOn, LocalDate eventOn, int balanceDaysBefore) {
        LocalDate due = BASIS_EVENT.equals(basis) ? eventOn.minusDays(days) : bookedOn.plusDays(days);
        LocalDate balance = balanceDue(bookedOn, eventOn, balanceDaysBefore);
        due = due.isAfter(balance) ? balance : due;
        return due.isBefore(bookedOn) ? bookedOn : due;
    }


    public static MoneyState state(long totalMinor, long paidMinor, long depositMinor, LocalDate depositDueOn,
                              LocalDate balanceDueOn, LocalDate today, boolean open) {
        if (paidMinor > totalMinor) {
            return MoneyState.OVERPAID;
        }
        if (paidMinor >= totalMinor) {
            return MoneyState.PAID;
        }
        if (paidMinor < depositMinor) {
            if (open && depositDueOn != null && today.isAfter(depositDueOn)) {
                return MoneyState.DEPOSIT_OVERDUE;
            }
            if (open) {
                return MoneyState.DEPOSIT_DUE;
            }
        } else if (open && balanceDueOn != null && today.isAfter(balanceDueOn)) {
            return MoneyState.BALANCE_OVERDUE;
        }
        return paidMinor > 0 ? MoneyState.PARTLY_PAID : MoneyState.UNPAID;
    }

    public static MoneyState state(BookingRecord b, LocalDate today) {
        return state(b.getTotalMinor(), b.getPaidMinor(), b.getDepositMinor(), b.getDepositDueOn(), b.getBalanceDueOn(),
                today, !BookingStatus.CANCELLED.name().equals(b.getStatus()));
    }

    /** Keeps the derived columns of a booking true to its fee, terms, dates and ledger: call before storing it. */
    public static void applyTo(BookingRecord b) {
        long fee = b.getFeeMinor();
        int tax = b.getTaxRateBp();
        b.setTotalMinor(total(fee, tax));
        long paid = b.getPaidMinor() == null ? 0 : b.getPaidMinor();
        b.setPaidMinor(paid);
        b.setPaymentState(PaymentState.of(b.getTotalMinor(), paid).name());

        b.setDepositMinor(deposit(fee, tax, b.getDepositKind() == null ? PERCENT : b.getDepositKind(),
                b.getDepositValue() == null ? 0 : b.getDepositValue()).totalMinor());
        ZoneId zone = ZoneId.of(b.getTimeZone());
        LocalDate event = LocalDate.ofInstant(b.getStartsAt(), zone);
        LocalDate booked = b.getCreatedAt() == null ? event : LocalDate.ofInstant(b.getCreatedAt(), zone);
        int balanceDays = b.getBalanceDueDaysBefore() == null ? 0 : b.getBalanceDueDaysBefore();
        b.setBalanceDueOn(balanceDue(booked, event, balanceDays));
        b.setDepositDueOn(depositDue(b.getDepositDueBasis(), b.getDepositDueDays() == null ? 0 : b.getDepositDueDays(),
                booked, event, balanceDays));
    }
}
