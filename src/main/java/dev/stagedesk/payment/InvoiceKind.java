package dev.stagedesk.payment;

/** What an invoice is (column {@code invoice.kind}). */
public enum InvoiceKind {
    DEPOSIT, FINAL, CREDIT_NOTE
}
