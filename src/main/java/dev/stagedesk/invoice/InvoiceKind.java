package dev.stagedesk.invoice;

/** What an invoice is (column {@code invoice.kind}). */
public enum InvoiceKind {
    DEPOSIT, FINAL, CREDIT_NOTE
}
