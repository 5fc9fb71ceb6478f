package dev.stagedesk.settings;

/**
 * The agency's defaults for money: the deposit new bookings ask for (a percentage of the fee in basis points, or
 * a fixed amount in minor units), when it is due (days after booking, or before the event), when the balance is
 * due, how long an invoice issued late gives to pay, the numbering patterns, the logo printed on invoices
 * (null: the agency's name in large type), and the document language: the language of quotes, invoices and credit
 * notes for clients without one of their own, and of performer statements ("en", "de"; null when saving: unchanged).
 */
public record BillingSettings(String depositKind, long depositValue, String depositDueBasis, int depositDueDays,
                              int balanceDueDaysBefore, int invoiceDueDays, String invoicePattern,
                              String creditNotePattern, String logoPath, String documentLanguage) {

    /** Saving these keeps the document language as it is. */
    public BillingSettings(String depositKind, long depositValue, String depositDueBasis, int depositDueDays,
                           int balanceDueDaysBefore, int invoiceDueDays, String invoicePattern,
                           String creditNotePattern, String logoPath) {
        this(depositKind, depositValue, depositDueBasis, depositDueDays, balanceDueDaysBefore, invoiceDueDays,
                invoicePattern, creditNotePattern, logoPath, null);
    }
}
