package dev.stagedesk.booking;

/** Whether a performer's payout for an assignment was paid (column {@code assignment.payout_status}). */
public enum PayoutStatus {
    UNPAID, PAID
}
