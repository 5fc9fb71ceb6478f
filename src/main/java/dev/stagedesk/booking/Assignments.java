package dev.stagedesk.booking;

import static dev.stagedesk.db.jooq.Tables.ASSIGNMENT;
import static dev.stagedesk.db.jooq.Tables.PERFORMER;

import dev.stagedesk.command.CommandContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A confirmed performer on a booking, prefilled from the performer's defaults (the performers issue edits them). */
final class Assignments {
    private Assignments() {
    }

    static void assign(CommandContext ctx, UUID bookingId, UUID performerId, Instant start, Instant end, String currency) {
        var tx = ctx.dsl();
        if (tx.fetchExists(ASSIGNMENT, ASSIGNMENT.BOOKING_ID.eq(bookingId), ASSIGNMENT.PERFORMER_ID.eq(performerId),
                ASSIGNMENT.DELETED_AT.isNull())) {
            return;
        }
        var p = tx.select(PERFORMER.DEFAULT_FEE_MINOR, PERFORMER.CURRENCY, PERFORMER.COMMISSION_BP, PERFORMER.WITHHOLDING_BP)
                .from(PERFORMER).where(PERFORMER.ID.eq(performerId)).fetchOne();
        long fee = p != null && currency.equals(p.value2()) ? p.value1() : 0;
        tx.insertInto(ASSIGNMENT).set(ASSIGNMENT.ID, ctx.newId()).set(ASSIGNMENT.BOOKING_ID, bookingId)
                .set(ASSIGNMENT.PERFORMER_ID, performerId).set(ASSIGNMENT.ROLE, "Performer")
                .set(ASSIGNMENT.CALL_TIME, start.minus(60, ChronoUnit.MINUTES)).set(ASSIGNMENT.PAYOUT_MINOR, fee)
                .set(ASSIGNMENT.CURRENCY, currency).set(ASSIGNMENT.COMMISSION_BP, p == null ? 0 : p.value3())
                .set(ASSIGNMENT.WITHHOLDING_BP, p == null ? 0 : p.value4()).set(ASSIGNMENT.PAYOUT_STATUS, "UNPAID")
                .set(ASSIGNMENT.STARTS_AT, start).set(ASSIGNMENT.ENDS_AT, end).set(ASSIGNMENT.CREATED_AT, ctx.now())
                .set(ASSIGNMENT.UPDATED_AT, ctx.now()).set(ASSIGNMENT.VERSION, 0).execute();
    }
}
