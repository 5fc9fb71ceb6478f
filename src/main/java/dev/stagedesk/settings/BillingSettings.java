package dev.stagedesk.settings;

/**
 * The agency's defaults for money: the deposit new bookings ask for (a percentage of the fee in basis points, or
 * a fixed amount in minor units), when it is due (days after booking, or before the event), when the balance is
 * due, how long an invoice issued late gives to pay, the numbering patterns, and the logo printed on invoices
 * (null: the agency's name in large type).
 */
public record BillingSettings(String depositKind, long depositValue, String depositDueBasis, int depositDueDays,
                              int balanceDueDaysBefore, int invoiceDueDays, String invoicePattern,
                              String creditNotePattern, String logoPath) {
}
