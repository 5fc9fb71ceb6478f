package dev.stagedesk.booking;

import static dev.stagedesk.db.jooq.Tables.ASSIGNMENT;
import static dev.stagedesk.db.jooq.Tables.PERFORMER;

import dev.stagedesk.command.CommandContext;
import dev.stagedesk.common.I18n;
import dev.stagedesk.db.jooq.tables.records.PerformerRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Writes an assignment row; the conflict check is the caller's ({@link AssignmentService#requireFree}). */
final class Assignments {
    private Assignments() {
    }

    /** A confirmed performer on a booking with the defaults, unless already on it (confirming a hold). */
    static void assign(CommandContext ctx, UUID bookingId, UUID performerId, Instant start, Instant end, String currency) {
        var tx = ctx.dsl();
        if (tx.fetchExists(ASSIGNMENT, ASSIGNMENT.BOOKING_ID.eq(bookingId), ASSIGNMENT.PERFORMER_ID.eq(performerId),
                ASSIGNMENT.DELETED_AT.isNull())) {
            return;
        }
        PerformerRecord p = tx.selectFrom(PERFORMER).where(PERFORMER.ID.eq(performerId)).fetchOne();
        insert(ctx, null, bookingId, p, start, end, currency, null, defaultFee(p, currency), null, null);
    }

    /** The performer's default fee when it is in the booking's currency, else 0 (to be typed). */
    static long defaultFee(PerformerRecord p, String currency) {
        return currency.equals(p.getCurrency()) ? p.getDefaultFeeMinor() : 0;
    }

    /**
     * {@code role} and {@code callTime} null for the defaults: "Performer", an hour before the start; {@code id}
     * null for a new one (a CSV import keeps the file's).
     */
    static UUID insert(CommandContext ctx, UUID id, UUID bookingId, PerformerRecord p, Instant start, Instant end,
                       String currency, String role, long fee, Instant callTime, String overrideReason) {
        id = id != null ? id : ctx.newId();
        ctx.dsl().insertInto(ASSIGNMENT).set(ASSIGNMENT.ID, id).set(ASSIGNMENT.BOOKING_ID, bookingId)
                .set(ASSIGNMENT.PERFORMER_ID, p.getId())
                .set(ASSIGNMENT.ROLE, role != null ? role : I18n.tr("assignment.defaultRole"))
                .set(ASSIGNMENT.CALL_TIME, callTime != null ? callTime : start.minus(60, ChronoUnit.MINUTES))
                .set(ASSIGNMENT.PAYOUT_MINOR, fee).set(ASSIGNMENT.CURRENCY, currency)
                .set(ASSIGNMENT.COMMISSION_BP, p.getCommissionBp()).set(ASSIGNMENT.WITHHOLDING_BP, p.getWithholdingBp())
                .set(ASSIGNMENT.PAYOUT_STATUS, PayoutStatus.UNPAID.name()).set(ASSIGNMENT.CONFLICT_OVERRIDE_REASON, overrideReason)
                .set(ASSIGNMENT.STARTS_AT, start).set(ASSIGNMENT.ENDS_AT, end).set(ASSIGNMENT.CREATED_AT, ctx.now())
                .set(ASSIGNMENT.UPDATED_AT, ctx.now()).set(ASSIGNMENT.VERSION, 0).execute();
        return id;
    }
}
