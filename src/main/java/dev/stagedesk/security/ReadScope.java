package dev.stagedesk.security;

import static dev.stagedesk.db.jooq.Tables.ASSIGNMENT;
import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.HOLD;

import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The rows a read may return to an actor without a "view all" permission: a performer user sees their own
 * gigs, payouts and expenses; anyone else without the permission sees nothing (docs/ROLES.md).
 */
public final class ReadScope {
    private ReadScope() {
    }

    /** Bookings: every one with {@link Permission#BOOKINGS_VIEW_ALL}, else those the performer is assigned to or held for. */
    public static Condition bookings(Actor actor) {
        if (actor.can(Permission.BOOKINGS_VIEW_ALL)) {
            return DSL.noCondition();
        }
        UUID performer = actor.performerId();
        if (performer == null) {
            return DSL.falseCondition();
        }
        return BOOKING.ID.in(DSL.select(ASSIGNMENT.BOOKING_ID).from(ASSIGNMENT)
                        .where(ASSIGNMENT.PERFORMER_ID.eq(performer), ASSIGNMENT.DELETED_AT.isNull()))
                .or(BOOKING.ID.in(DSL.select(HOLD.BOOKING_ID).from(HOLD)
                        .where(HOLD.PERFORMER_ID.eq(performer), HOLD.DELETED_AT.isNull())));
    }

    /** Rows of one performer ({@code performerColumn}): all with {@code viewAll}, else the actor's own. */
    public static Condition ownRows(Actor actor, Permission viewAll, Field<UUID> performerColumn) {
        if (actor.can(viewAll)) {
            return DSL.noCondition();
        }
        return actor.performerId() == null ? DSL.falseCondition() : performerColumn.eq(actor.performerId());
    }
}
