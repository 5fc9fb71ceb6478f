package dev.stagedesk.payment;

/** How much of a booking's total the ledger says was paid (column {@code booking.payment_state}). */
public enum PaymentState {
    UNPAID, PARTLY_PAID, PAID;

    /** The state of {@code paidMinor} against {@code totalMinor}: nothing owed counts as PAID. */
    public static PaymentState of(long totalMinor, long paidMinor) {
        return paidMinor <= 0 && totalMinor > 0 ? UNPAID : paidMinor < totalMinor ? PARTLY_PAID : PAID;
    }
}
