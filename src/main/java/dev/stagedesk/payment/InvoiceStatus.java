package dev.stagedesk.payment;

import static dev.stagedesk.db.jooq.Tables.INVOICE;

import dev.stagedesk.command.CommandContext;
import dev.stagedesk.common.Codes;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An invoice's state (column {@code invoice.status}), and which of a booking's invoices are paid: its open
 * invoices (deposit and final, not credited), oldest first, are covered by what the ledger says was paid; one is
 * PAID once the payments reach its running total, and goes back to SENT or ISSUED if a reversal takes that away.
 * Status only: an issued invoice's content never changes. Kept by the ledger's commands (here) and the invoice
 * commands, as {@link Receivables} is.
 */
public enum InvoiceStatus {
    DRAFT, ISSUED, SENT, PAID, CREDITED;

    /** Issued and not credited: it counts towards what the client owes. */
    public boolean isOpen() {
        return this == ISSUED || this == SENT || this == PAID;
    }

    public static void refresh(CommandContext ctx, UUID bookingId, long paidMinor, LocalDate today) {
        var open = ctx.dsl().selectFrom(INVOICE).where(INVOICE.BOOKING_ID.eq(bookingId), INVOICE.DELETED_AT.isNull(),
                        INVOICE.KIND.in(Codes.of(InvoiceKind.DEPOSIT, InvoiceKind.FINAL)),
                        INVOICE.STATUS.in(Codes.of(ISSUED, SENT, PAID)))
                .orderBy(INVOICE.ISSUE_DATE, INVOICE.NUMBER).fetch();
        long running = 0;
        for (var inv : open) {
            running += inv.getTotalMinor();
            boolean paid = paidMinor >= running;
            InvoiceStatus status = paid ? PAID : inv.getSentOn() != null ? SENT : ISSUED;
            if (!status.name().equals(inv.getStatus())) {
                ctx.dsl().update(INVOICE).set(INVOICE.STATUS, status.name()).set(INVOICE.PAID_ON, paid ? today : null)
                        .set(INVOICE.UPDATED_AT, ctx.now()).set(INVOICE.VERSION, INVOICE.VERSION.plus(1))
                        .where(INVOICE.ID.eq(inv.getId())).execute();
            }
        }
    }
}
